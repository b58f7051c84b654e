/**
 * Catalog signatures planted in the benchmark bundles, each by the fixture generator's own
 * fault, so that a run can check the analyzer still finds them: a fast wrong answer is not a
 * result. They sit in the healthy part of the cluster; the bulk added around them is routine.
 */
import type { BundleBuilder } from '../../packages/rules/src/testing/bundle-builder.js';
import { flagshipS01 } from '../../packages/rules/catalog/fleet/mcc-harvester-modified-snapshot-validation-webhook/fault.js';
import { longhornEvictionRequestedManagerCrash } from '../../packages/rules/catalog/longhorn/longhorn-eviction-requested-manager-crash/fault.js';
import { longhornVolumeDegraded } from '../../packages/rules/catalog/longhorn/longhorn-volume-degraded/fault.js';
import { upgradeGateNodeUnschedulable } from '../../packages/rules/catalog/upgrade/upgrade-gate-node-unschedulable/fault.js';

export interface Plant {
  /** The catalog rule that must report it (status fail). */
  ruleId: string;
  /** What was planted, for the printout. */
  what: string;
}

interface PlantRecipe extends Plant {
  apply(builder: BundleBuilder): void;
}

export const FLAGSHIP_RULE = 'mcc-harvester-modified-snapshot-validation-webhook';

const RECIPES: PlantRecipe[] = [
  { ruleId: FLAGSHIP_RULE, what: 'S01: mcc-harvester 0/1 Modified on the snapshot-validation-webhook', apply: (builder) => void flagshipS01(builder) },
  { ruleId: 'longhorn-volume-degraded', what: 'S38: a degraded volume, failed rebuilds in a longhorn-manager log', apply: (builder) => void longhornVolumeDegraded(builder) },
  { ruleId: 'longhorn-eviction-requested-manager-crash', what: 'S37: eviction requested on a Longhorn node, longhorn-manager crash-looping', apply: (builder) => longhornEvictionRequestedManagerCrash(builder, { crashLoop: true }) },
  { ruleId: 'upgrade-gate-node-unschedulable', what: 'a cordoned node (upgrade gate)', apply: (builder) => void upgradeGateNodeUnschedulable(builder) },
];

export const PLANTS: readonly Plant[] = RECIPES.map(({ ruleId, what }) => ({ ruleId, what }));

export function applyPlants(builder: BundleBuilder, plants: readonly Plant[]): Plant[] {
  const applied: Plant[] = [];
  for (const plant of plants) {
    const recipe = RECIPES.find((candidate) => candidate.ruleId === plant.ruleId);
    if (!recipe) throw new Error(`no recipe for planted rule ${plant.ruleId}`);
    recipe.apply(builder);
    applied.push({ ruleId: recipe.ruleId, what: recipe.what });
  }
  return applied;
}
