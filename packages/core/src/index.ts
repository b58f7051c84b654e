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
export { splitIsoLine, splitJournalLine, splitPodLogLine, type SplitLine, type TimestampStyle } from './logs/log-timestamps.js';
export { scanLines, type ScanOptions, type ScannedLine } from './logs/scan-lines.js';
export { apiGroupOf, objectRef, type KubeObject, type KubeObjectMeta, type ObjectOrigin, type ObjectRef } from './resources/kube-object.js';
export { parsePointer } from './resources/locate-pointer.js';
export type { ResourceQuery } from './resources/resource-query.js';
export { openSource } from './source/index.js';
export type {
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
export type { BundleFormat, BundleSource, SourceEntry, SourceEntryKind } from './source/bundle-source.js';
export type { NodeBundleChoice, SupportconfigChoice } from './source/node-layout.js';
