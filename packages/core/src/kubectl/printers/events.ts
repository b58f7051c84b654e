import { ageAt } from '../human-duration.js';
import { column, field, integer, nameOf, text, type ResourcePrinter } from './printer.js';

/**
 * `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (and with `-o wide` SUBOBJECT,
 * SOURCE, FIRST SEEN, COUNT, NAME), from core/v1 Events. events.k8s.io/v1 Events are turned into
 * that shape first (see `bundle-events.ts`), as the API server prints both with one printer.
 */
export const eventPrinter: ResourcePrinter = {
  columns: () => [
    column('Last Seen'),
    column('Type'),
    column('Reason'),
    column('Object'),
    column('Subobject', 'string', 1),
    column('Source', 'string', 1),
    column('Message'),
    column('First Seen', 'string', 1),
    column('Count', 'string', 1),
    column('Name', 'string', 1),
  ],
  cells: (event, context) => {
    const firstTimestamp = field(event, 'firstTimestamp');
    const firstSeen = firstTimestamp !== undefined && firstTimestamp !== null ? ageAt(firstTimestamp, context.now) : ageAt(field(event, 'eventTime'), context.now);
    const lastTimestamp = field(event, 'lastTimestamp');
    let lastSeen = lastTimestamp !== undefined && lastTimestamp !== null ? ageAt(lastTimestamp, context.now) : firstSeen;
    let count = integer(field(event, 'count'));
    const series = field(event, 'series');
    if (series !== undefined && series !== null) {
      lastSeen = ageAt(field(series, 'lastObservedTime'), context.now);
      count = integer(field(series, 'count'));
    } else if (count === 0) {
      count = 1;
    }
    const kind = text(field(event, 'involvedObject', 'kind')).toLowerCase();
    const name = text(field(event, 'involvedObject', 'name'));
    const component = text(field(event, 'source', 'component')) || text(field(event, 'reportingComponent'));
    const instance = text(field(event, 'source', 'host')) || text(field(event, 'reportingInstance'));
    return [
      lastSeen,
      text(field(event, 'type')),
      text(field(event, 'reason')),
      name !== '' ? `${kind}/${name}` : kind,
      text(field(event, 'involvedObject', 'fieldPath')),
      instance === '' ? component : `${component}, ${instance}`,
      text(field(event, 'message')).trim(),
      firstSeen,
      count,
      nameOf(event),
    ];
  },
};
