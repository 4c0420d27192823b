import { describe, expect, it } from 'vitest';
import { apacheAnnotatorSuite } from '../../../scripts/bench/peer-cases/apache-annotator';
import { hypothesisClientSuite } from '../../../scripts/bench/peer-cases/hypothesis-client';
import { judgeCase } from '../../../scripts/bench/peer-cases/run';

/** The case's document as the test document (happy-dom binds Ranges to it), head and body as parsed. */
function parse(html: string): Document {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  return document;
}

describe.each([apacheAnnotatorSuite, hypothesisClientSuite])("$peer's anchoring cases", (suite) => {
  it.each(suite.cases.map((c, i) => [`${i + 1}. ${c.name}`, c] as const))('%s', (_name, c) => {
    const verdict = judgeCase(c, parse);
    expect(verdict.problem).toBeUndefined();
    expect(verdict.pass).toBe(true);
  });
});
