/**
 * The feeds as two more real readers see them: sfeed (suckless) and newsboat, on the hostile
 * archive's published documents (the same bytes as tests/golden/feeds/hostile).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../src/pipeline/publish.js';
import { newsboat, requireTool, sfeed } from '../support/consumers.js';
import { hostileRecords, seededArchive, SITE } from './fixtures.js';

const NOW = Date.parse('2026-01-15T03:00:00Z');
let ws: Awaited<ReturnType<typeof seededArchive>>;
let json: { items: { id: string; title: string }[] };

beforeAll(async () => {
  ws = await seededArchive(hostileRecords());
  await publish(ws.store, { feedsDir: ws.feeds, site: SITE, limit: 5, nowMs: NOW });
  json = JSON.parse(await readFile(path.join(ws.feeds, 'feed.json'), 'utf8'));
});
afterAll(() => ws.cleanup());

describe('feeds in sfeed and newsboat', () => {
  for (const name of ['rss.xml', 'atom.xml']) {
    it(`sfeed reads every item of ${name} with our ids and titles`, () => {
      if (!requireTool('sfeed')) return;
      const items = sfeed(path.join(ws.feeds, name));
      expect(items.map((i) => i.id)).toEqual(json.items.map((i) => i.id));
      // sfeed folds whitespace runs; the titles are otherwise the same text.
      expect(items.map((i) => i.title)).toEqual(json.items.map((i) => i.title.replace(/\s+/g, ' ')));
      for (const i of items) expect(Number(i.timestamp)).toBeGreaterThan(0);
    });

    it(`newsboat loads every item of ${name} without an error`, async () => {
      if (!requireTool('newsboat')) return;
      const dir = await mkdtemp(path.join(tmpdir(), 'kliping-newsboat-'));
      try {
        const r = newsboat(path.join(ws.feeds, name), dir);
        expect(r.errors).toEqual([]);
        expect(r.unread).toBe(json.items.length);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
