import { excerpt } from '../../lib/core/library/excerpt';
import { matchSpans } from '../../lib/core/library/search';

interface Props {
  text: string;
  /** Folded search terms; their occurrences are marked. */
  terms: readonly string[];
  /** Longest part of the text shown: a window around the first match when it lies further in. */
  maxLength: number;
}

/** Text with the search terms marked (`<mark>`), cut to a window that shows the first match. */
export function MatchText({ text, terms, maxLength }: Props) {
  const part = excerpt(text, matchSpans(text, terms), maxLength);
  const pieces = [];
  let at = 0;
  for (const span of part.spans) {
    if (span.start > at) pieces.push(part.text.slice(at, span.start));
    pieces.push(<mark key={span.start}>{part.text.slice(span.start, span.end)}</mark>);
    at = span.end;
  }
  if (at < part.text.length) pieces.push(part.text.slice(at));
  return (
    <>
      {part.cutBefore && '…'}
      {pieces}
      {part.cutAfter && '…'}
    </>
  );
}
