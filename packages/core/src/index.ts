// The public API of @bundle-triage/core. Everything not exported here is internal.
export { Bundle, openBundle, type BundleProgress, type LogQuery, type OpenBundleOptions } from './bundle.js';
export { DiagnosticLog, type Diagnostic, type DiagnosticLevel } from './diagnostics.js';
export {
  BundleClosedError,
  BundleEntryNotFoundError,
  BundleError,
  BundleFormatError,
  BundleIoError,
  BundleLimitError,
  BundleNotFoundError,
  BundleUnsafePathError,
  isBundleError,
  NestedArchivesNotOpenedError,
  type BundleErrorCode,
} from './errors.js';
export { releaseSemver, type BundleFacts, type FactSource, type HarvesterVersionFact } from './facts/bundle-facts.js';
export { BundleIndex, type PodLogQuery, type ResourceFileQuery } from './index/bundle-index.js';
export { classifyPath } from './index/classify-path.js';
export type {
  IndexEntry,
  NodeArchiveEntry,
  NodeFileEntry,
  OtherEntry,
  PodLogEntry,
  ResourceFileEntry,
  SpecialFileEntry,
} from './index/index-entry.js';
export { DEFAULT_LIMITS, resolveLimits, type BundleLimits } from './limits.js';
export { LogFile, type GrepOptions, type LineOptions, type LinePattern, type LogFileInfo, type LogLine, type LogMatch } from './logs/log-file.js';
export { LogSeries, type SeriesLine, type SeriesMatch } from './logs/log-series.js';
export { splitIsoLine, splitJournalLine, splitLogLine, splitPodLogLine, type SplitLine, type TimestampStyle } from './logs/log-timestamps.js';
export { scanLines, type ScanOptions, type ScannedLine } from './logs/scan-lines.js';
export { apiGroupOf, objectRef, type KubeObject, type KubeObjectMeta, type ObjectOrigin, type ObjectRef } from './resources/kube-object.js';
export { parsePointer } from './resources/locate-pointer.js';
export type { ResourceQuery } from './resources/resource-query.js';
export { openSource } from './source/index.js';
export type {
  CpuCount,
  DiskHealth,
  FailedUnit,
  FilesystemUsage,
  HarvesterMountRole,
  KernelEvent,
  KernelEventKind,
  LoadAverage,
  MemoryUsage,
  NodeSupportconfig,
  SwapUsage,
} from './supportconfig/node-supportconfig.js';
export { parseSections as parseSupportconfigSections, type SupportconfigSection } from './supportconfig/sections.js';
export type { BundleFormat, BundleSource, NestedArchiveKinds, SourceEntry, SourceEntryKind } from './source/bundle-source.js';
export type { NestedArchivesMode } from './source/open-source.js';
export { ageAt, humanDuration } from './kubectl/human-duration.js';
export { readBundleEvents, toCoreEvent, type BundleEvent } from './kubectl/bundle-events.js';
export { hasCrdList, readBundleCrds, type BundleCrd } from './kubectl/bundle-crds.js';
export {
  kubectlDescribe,
  type DescribeRequest,
  type DescribedCondition,
  type DescribedSubject,
  type DescriptionSection,
  type DescriptionSectionProvider,
  type ObjectDescription,
} from './kubectl/describe-object.js';
export { evaluateJsonPath, JsonPathError, parseJsonPath, type JsonPath } from './kubectl/json-path.js';
export { matchesFields, parseFieldSelector, type FieldRequirement, type FieldSelector } from './kubectl/field-selector.js';
export { kubectlGet, type GetRequest, type GetResult, type GetTypeResult } from './kubectl/kubectl-get.js';
export {
  BadRequestError,
  InvalidSelectorError,
  isKubectlError,
  KubectlError,
  NotInBundleError,
  UnknownResourceTypeError,
  type KubectlErrorCode,
} from './kubectl/kubectl-errors.js';
export { matchesLabels, parseLabelSelector, type LabelRequirement, type LabelSelector } from './kubectl/label-selector.js';
export { readLogLines, type BundleLogLine, type LogReadOptions, type LogSource } from './kubectl/log-lines.js';
export { parseGoDuration, parseSince, parseSinceValue, type SinceValue } from './kubectl/log-since.js';
export { selectNodeLog, type NodeLogRequest, type NodeLogSelection } from './kubectl/node-logs.js';
export { eventsAbout, type DescribedEvent } from './kubectl/object-events.js';
export { ownerChain, type OwnerLink } from './kubectl/owner-chain.js';
export { selectPodLogs, type PodLogRequest, type PodLogSelection } from './kubectl/pod-logs.js';
export { podForController } from './kubectl/pods-of-controller.js';
export { printContextOf } from './kubectl/print-context.js';
export type { PrinterColumn } from './kubectl/printer-column.js';
export { resolveResourceType, resolveResourceTypes, type ResolvedResourceType } from './kubectl/resolve-resource-type.js';
export {
  buildResourceTable,
  printerFor,
  type Cell,
  type ColumnDefinition,
  type ColumnsSource,
  type PrintContext,
  type ResourceTable,
  type ResourceTableRow,
  type TableOptions,
} from './kubectl/resource-table.js';
export { qualifiedKind, qualifiedResource, type ResourceType } from './kubectl/resource-type.js';
export { resourceTypesOf } from './kubectl/resource-types.js';
export { selectObjects, type ObjectSelection, type SelectedObject, type SelectionResult } from './kubectl/select-objects.js';
export type { NodeBundleChoice, SupportconfigChoice } from './source/node-layout.js';
export { DrainTree, WILDCARD, type DrainCluster, type DrainOptions } from './patterns/drain-tree.js';
export type { EmbeddedTime, LogFormat, ParsedLogLine } from './patterns/formats/parsed-log-line.js';
export { parseLogLine } from './patterns/formats/parse-log-line.js';
export { isMinedLevel, LEVEL_WEIGHT, type LogLevel, type MinedLevel } from './patterns/log-level.js';
export { DEFAULT_LOOP_CRITERIA, type LoopCriteria } from './patterns/loop-detection.js';
export { maskVariables, VariableMasker, type MaskedMessage } from './patterns/mask-variables.js';
export { logPrefilter, prefilterKind, prefilterPattern, type LogPrefilterKind } from './patterns/log-prefilter.js';
export { isTextLog, logsToMine, MAX_MINED_LOGS, minePatterns, unminedLogsDiagnostic, type MinePatternsOptions } from './patterns/mine-patterns.js';
export { PatternMiner, type PatternMinerOptions, type PatternSource } from './patterns/pattern-miner.js';
export type {
  LogBurst,
  LogLoop,
  LogOccurrence,
  LogPosition,
  LogTemplate,
  LogTemplateSource,
  PatternReport,
  PatternStats,
} from './patterns/pattern-types.js';
export { rankTemplates } from './patterns/rank-templates.js';
export { templateId } from './patterns/template-id.js';
export {
  compareTimePoints,
  journalLineTime,
  parseRfc3339,
  podLineTime,
  timePoint,
  timePointFromMs,
  yearlessTime,
  type TimePoint,
  type TimePrecision,
} from './time/time-point.js';
export { addBundleEntries, buildTimeline, type BuildTimelineOptions } from './timeline/build-timeline.js';
export { locateInBlockYaml, TextLines, type BlockLocation } from './timeline/locate-in-block-yaml.js';
export type { PendingEntry } from './timeline/pending-entry.js';
export { compareEntries, TimelineBuilder, type TimelineBuilderOptions } from './timeline/timeline-builder.js';
export { matchesFilter, parseObjectSelector, refMatches, type ObjectSelector, type TimelineFilter } from './timeline/timeline-filter.js';
export { TIMELINE_RESOURCES } from './timeline/timeline-resources.js';
export type { Timeline, TimelineEntry, TimelineEntryKind, TimelineLevel, TimelineNeighbours, TimelineStats } from './timeline/timeline-types.js';
export { TimelineIndex, timelineWindow, type WindowCloseness, type WindowEntry, type WindowOptions } from './timeline/timeline-window.js';
export { clusterOverview } from './overview/cluster-overview.js';
export { OverviewCollector } from './overview/overview-collector.js';
export { OVERVIEW_RESOURCES } from './overview/overview-resources.js';
export type {
  ClusterOverview,
  ComponentVersion,
  FleetBundleReadiness,
  NamespacePods,
  NodeDetail,
  NodeOverview,
  NotReadyFleetBundle,
  NotReadyPod,
  OverviewComponent,
  OverviewSource,
  PodReadiness,
  StateCounts,
} from './overview/overview-types.js';
export { FieldLocator } from './resources/field-locator.js';
