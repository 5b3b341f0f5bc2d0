/**
 * Operation names are chosen by clients, and every distinct label value is a new time series in
 * every process's memory and in every scrape of /metrics (3,000 made-up names once cost 180 MB
 * and a 5.4 MB /metrics). So a name becomes a label only when it is known (the gateway: the
 * client operations it serves) or, where no list is at hand (a subgraph), among the first
 * `MAX_OPERATION_LABELS` distinct names; everything else is "other". Logs keep the real name.
 */
export const OTHER_OPERATION = 'other';
export const ANONYMOUS_OPERATION = 'anonymous';
/** Distinct names a process labels as themselves when it has no list of known ones. */
export const MAX_OPERATION_LABELS = 100;
/** The gateway's label for the client's operation, sent with each subgraph call it makes for it. */
export const OPERATION_LABEL_HEADER = 'x-operation-label';

/** How a request's operation name (and, for a subgraph, the gateway's word) becomes a label value. */
export type OperationLabeller = (operationName: string | null | undefined, labelHeader?: string | null) => string;

/** Apollo's name for a subgraph fetch, `<client operation>__<subgraph>__<n>`, back to the client's. */
export function clientOperationName(name: string): string {
  return /^(.+)__[A-Za-z0-9-]+__\d+$/.exec(name)?.[1] ?? name;
}

/** Known names as themselves (a subgraph fetch's as its client operation's); anything else "other". */
export function knownOperationLabels(known: Iterable<string>): OperationLabeller {
  const names = new Set(known);
  return (operationName) => {
    if (!operationName) return ANONYMOUS_OPERATION;
    const name = clientOperationName(operationName);
    return names.has(name) ? name : OTHER_OPERATION;
  };
}

/**
 * For a process without a list (a subgraph): the label the gateway sent when there is one, else
 * the client operation's name; the first `max` distinct values as themselves, then "other".
 * Only requests with a valid gateway assertion reach the metrics, so a client can put only the
 * gateway's own bounded labels in the header; the bound holds whatever arrives.
 */
export function boundedOperationLabels(max = MAX_OPERATION_LABELS): OperationLabeller {
  const seen = new Set<string>([OTHER_OPERATION, ANONYMOUS_OPERATION]);
  return (operationName, labelHeader) => {
    const name = labelHeader || (operationName ? clientOperationName(operationName) : ANONYMOUS_OPERATION);
    if (seen.has(name)) return name;
    if (seen.size - 2 >= max || name.length > 64) return OTHER_OPERATION;
    seen.add(name);
    return name;
  };
}
