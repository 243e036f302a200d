import { describe, expect, it } from 'vitest';
import { FEED_XSL, stylesheetInstruction, xmlError } from '../../src/feeds/index.js';

describe('feed.xsl', () => {
  it('is well-formed XML and an XSLT 1.0 stylesheet that handles both RSS and Atom', () => {
    expect(xmlError(FEED_XSL)).toBeNull();
    expect(FEED_XSL).toContain('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"');
    expect(FEED_XSL).toContain('<xsl:for-each select="/rss/channel/item">');
    expect(FEED_XSL).toContain('<xsl:for-each select="/atom:feed/atom:entry">');
    // Item text goes out with value-of only: a feed's text never becomes markup in the page.
    expect(FEED_XSL).not.toContain('disable-output-escaping');
  });

  it('stylesheetInstruction() points a feed at feed.xsl relative to its own folder', () => {
    expect(stylesheetInstruction('rss.xml')).toBe('<?xml-stylesheet type="text/xsl" href="feed.xsl"?>');
    expect(stylesheetInstruction('archive/2022-02.atom.xml')).toBe('<?xml-stylesheet type="text/xsl" href="../feed.xsl"?>');
  });
});
