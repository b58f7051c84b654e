export { addLabelledLogs, labelledLogs, LOG_PROFILES, type LabelledLine, type LabelledLogsOptions } from './labelled-logs.js';
export { incidentBundle, INCIDENT_LOOP_TEMPLATE, type IncidentBundle } from './incident-bundle.js';
export { formatLine } from './line-formats.js';
export { groupingAccuracy, type GroupingScore } from './grouping-accuracy.js';
export type { LineFormat, LogProfile, Placement, ProfileLevel, TemplateSpec } from './profile.js';
export { Variables } from './variables.js';
