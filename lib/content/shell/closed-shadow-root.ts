/**
 * The annotator's own element on the page: a custom element with a closed shadow root (the page's scripts cannot reach
 * its nodes through it) holding an `<html>` of its own with our stylesheet, appended last to the page's root element.
 * The platform's `attachShadow` does it all; the stylesheet is the content script's built CSS, read once.
 */
import { browser } from 'wxt/browser';

/** The built stylesheet of the content script (cssInjectionMode 'ui': not injected into the page, read here). */
const STYLESHEET = '/content-scripts/netease.css';

/** The address of one of the extension's built files (WXT's path type lists public files, not built CSS). */
const extensionUrl = browser.runtime.getURL.bind(browser.runtime) as (path: string) => string;

/** The mounted UI root. */
export interface ClosedShadowRoot {
  /** The element on the page (`<nea-annotator>`). */
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The shadow root's `<body>`, where the UI is drawn. */
  container: HTMLElement;
  /** Takes the element off the page. */
  remove(): void;
}

/** Our stylesheet's text, with `:root` rules applying to the shadow host; '' when it cannot be read. */
async function stylesheet(): Promise<string> {
  try {
    return (await (await fetch(extensionUrl(STYLESHEET))).text()).replaceAll(':root', ':host');
  } catch (err) {
    console.error('[netease-annotator] the stylesheet could not be read', err);
    return '';
  }
}

/** Mounts `<name>` with a closed shadow root, styled only by our stylesheet (the page's CSS does not inherit into it). */
export async function mountClosedShadowRoot(name: string): Promise<ClosedShadowRoot> {
  const css = await stylesheet();
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'closed' });
  const html = document.createElement('html');
  const head = document.createElement('head');
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${css}`;
  head.append(style);
  const container = document.createElement('body');
  html.append(head, container);
  shadow.append(html);
  document.documentElement.append(host);
  return { host, shadow, container, remove: () => host.remove() };
}
