/**
 * The peer-case benchmark figures: how many of Apache Annotator's and the Hypothesis client's own anchoring test cases
 * (ported as data in `peer-cases/`) our anchorer passes, and how many of those are cases where our rules differ on
 * purpose (judged against what we do instead). The cases run in a happy-dom document, as in the unit tests.
 */
import { Window } from 'happy-dom';
import { apacheAnnotatorSuite } from './peer-cases/apache-annotator';
import { hypothesisClientSuite } from './peer-cases/hypothesis-client';
import { tallySuite } from './peer-cases/run';

/** One figure per peer. */
export interface PeerCasesRecord {
  bench: 'peer-cases';
  peer: string;
  commit: string;
  cases: number;
  passed: number;
  differing: number;
}

/** Judges every ported case; the DOM globals the text index reads (`Node`) come from the same window. */
export function benchPeerCases(): PeerCasesRecord[] {
  const window = new Window();
  Object.assign(globalThis, { Node: window.Node });
  const { document } = window;
  const parse = (html: string): Document => {
    document.documentElement.innerHTML = new window.DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    return document as unknown as Document;
  };
  return [apacheAnnotatorSuite, hypothesisClientSuite].map((suite) => ({
    bench: 'peer-cases',
    peer: suite.peer,
    commit: suite.commit,
    ...tallySuite(suite, parse),
  }));
}
