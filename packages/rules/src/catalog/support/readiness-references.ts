import type { RuleReference } from '../../rule/rule-types.js';

/** References shared by the upgrade-gate-* and precheck-* rules. */
export const VALIDATOR_V141: RuleReference = {
  title: 'harvester/harvester v1.4.1 pkg/webhook/resources/upgrade/validator.go',
  url: 'https://github.com/harvester/harvester/blob/v1.4.1/pkg/webhook/resources/upgrade/validator.go',
};
export const VALIDATOR_MASTER: RuleReference = {
  title: 'harvester/harvester master pkg/webhook/resources/upgrade/validator.go',
  url: 'https://github.com/harvester/harvester/blob/master/pkg/webhook/resources/upgrade/validator.go',
};
export const PRECHECK_SCRIPT: RuleReference = {
  title: 'harvester/upgrade-helpers pre-check/v1.x/check.sh',
  url: 'https://github.com/harvester/upgrade-helpers/blob/main/pre-check/v1.x/check.sh',
};

export const STORAGE_NETWORK_DOCS: RuleReference = {
  title: 'Harvester docs: Storage Network',
  url: 'https://docs.harvesterhci.io/v1.4/advanced/storagenetwork',
};
