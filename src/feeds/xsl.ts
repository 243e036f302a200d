/**
 * The XSL stylesheet that turns an RSS or Atom document into a page when someone opens a feed
 * in a browser: the title, how to subscribe, the items. Readers ignore the
 * `<?xml-stylesheet?>` processing instruction (it is plain XML 1.0, allowed before the root),
 * so the feeds stay exactly what they were for them. Pure.
 *
 * Published as `feed.xsl` in the feeds folder and referenced with a relative href, so it is
 * fetched from the same origin as the feed (browsers refuse a cross-origin stylesheet).
 */

/** Name of the stylesheet inside the feeds folder. */
export const FEED_XSL_FILE = 'feed.xsl';

/** The processing instruction for a feed document at `name` inside the feeds folder. */
export function stylesheetInstruction(name: string): string {
  const up = '../'.repeat(name.split('/').length - 1);
  return `<?xml-stylesheet type="text/xsl" href="${up}${FEED_XSL_FILE}"?>`;
}

// RSS `description` is HTML-escaped text (see rss.ts): undo that one level so "A &amp; B"
// shows as "A & B", never as markup (the result is still output as text).
export const FEED_XSL = `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
<xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" indent="no"/>

<xsl:template name="replace">
<xsl:param name="text"/><xsl:param name="from"/><xsl:param name="to"/>
<xsl:choose>
<xsl:when test="contains($text, $from)"><xsl:value-of select="substring-before($text, $from)"/><xsl:value-of select="$to"/><xsl:call-template name="replace"><xsl:with-param name="text" select="substring-after($text, $from)"/><xsl:with-param name="from" select="$from"/><xsl:with-param name="to" select="$to"/></xsl:call-template></xsl:when>
<xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
</xsl:choose>
</xsl:template>

<xsl:template name="unescape">
<xsl:param name="text"/>
<xsl:variable name="lt"><xsl:call-template name="replace"><xsl:with-param name="text" select="$text"/><xsl:with-param name="from" select="'&amp;lt;'"/><xsl:with-param name="to" select="'&lt;'"/></xsl:call-template></xsl:variable>
<xsl:variable name="gt"><xsl:call-template name="replace"><xsl:with-param name="text" select="$lt"/><xsl:with-param name="from" select="'&amp;gt;'"/><xsl:with-param name="to" select="'&gt;'"/></xsl:call-template></xsl:variable>
<xsl:call-template name="replace"><xsl:with-param name="text" select="$gt"/><xsl:with-param name="from" select="'&amp;amp;'"/><xsl:with-param name="to" select="'&amp;'"/></xsl:call-template>
</xsl:template>

<xsl:template match="/">
<xsl:variable name="title" select="normalize-space(/rss/channel/title | /atom:feed/atom:title)"/>
<xsl:variable name="self" select="(/rss/channel/atom:link[@rel='self'] | /atom:feed/atom:link[@rel='self'])[1]/@href"/>
<xsl:variable name="home" select="(/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href)[1]"/>
<xsl:variable name="lang" select="(/rss/channel/language | /atom:feed/@xml:lang)[1]"/>
<html lang="{$lang}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title><xsl:value-of select="$title"/> (web feed)</title>
<style>
:root { color-scheme: light dark; }
body { margin: 0 auto; max-width: 42rem; padding: 1rem; font: 1.05rem/1.6 system-ui, sans-serif; overflow-wrap: break-word; }
.subscribe { padding: .75rem 1rem; border: 1px solid #8888; border-radius: .3rem; }
.subscribe code { display: block; padding: .3rem 0; user-select: all; }
ul { padding-left: 0; list-style: none; }
li { margin: 1rem 0; }
small { display: block; opacity: .75; }
</style>
</head>
<body>
<section class="subscribe" aria-label="How to subscribe">
<p><strong>This is a web feed.</strong> To subscribe, copy this address into your news reader (Miniflux, NetNewsWire, Feedly, Inoreader, newsboat...):</p>
<code><xsl:value-of select="$self"/></code>
</section>
<h1><xsl:value-of select="$title"/></h1>
<p><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
<xsl:if test="$home"><p><a href="{$home}">Browse the archive</a></p></xsl:if>
<h2>Articles</h2>
<xsl:if test="not(/rss/channel/item | /atom:feed/atom:entry)"><p>No articles yet.</p></xsl:if>
<ul>
<xsl:for-each select="/rss/channel/item">
<li>
<xsl:choose><xsl:when test="link"><a href="{link}"><xsl:value-of select="title"/></a></xsl:when><xsl:otherwise><xsl:value-of select="title"/></xsl:otherwise></xsl:choose>
<small><xsl:value-of select="pubDate"/></small>
<div><xsl:call-template name="unescape"><xsl:with-param name="text" select="description"/></xsl:call-template></div>
</li>
</xsl:for-each>
<xsl:for-each select="/atom:feed/atom:entry">
<li>
<xsl:choose><xsl:when test="atom:link[@rel='alternate']"><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></xsl:when><xsl:otherwise><xsl:value-of select="atom:title"/></xsl:otherwise></xsl:choose>
<small><xsl:value-of select="atom:published"/></small>
<div><xsl:value-of select="atom:summary"/></div>
</li>
</xsl:for-each>
</ul>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
`;
