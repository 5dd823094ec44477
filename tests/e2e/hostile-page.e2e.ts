import { listingCards } from '../fixtures/hf/markup';
import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { BROWSER, fixtureSite, launchExtension, sleep, type Extension, type Tab } from './harness';

/**
 * The page plays the attacker: a script running on huggingface.co/papers (the site's own, an ad's, a
 * compromised one) tries to read the library, act for the user and switch PaperShelf off. It must
 * get nothing, and PaperShelf must keep working for the person at the keyboard.
 */

let ext: Extension;
const listing = FIXTURE_PAGES.daily;
const onPage = listing.papers[0]!;
const offPage = FIXTURE_PAGES.weekly.papers.at(-1)!;

interface Library {
  papers: { id: string; title: string; tags: string[]; note: string }[];
}

beforeAll(async () => {
  ext = await launchExtension();
  ext.serve(fixtureSite({ [new URL(listing.url).pathname]: listing.html }));
});

afterAll(async () => {
  await ext?.close();
});

async function library() {
  return (await ext.send<Library>({ type: 'listPapers' })).papers;
}

/** Opens the listing with a page script that records every message posted to the window. */
function openAsAttacker(): Promise<Tab> {
  return ext.openTab(listing.url, {
    beforeLoad: () => {
      const seen: unknown[] = [];
      (window as unknown as { seenMessages: unknown[] }).seenMessages = seen;
      window.addEventListener('message', (event) => seen.push(event.data));
    },
    waitFor: '[data-papershelf-id]',
  });
}

describe(`a hostile papers page in ${BROWSER}`, () => {
  it('can neither read nor change the library, nor switch PaperShelf off, and PaperShelf keeps working', async () => {
    await ext.send({ type: 'savePapers', papers: [{ id: onPage.id, title: onPage.title }], tags: ['secret-tag'] });
    await ext.send({ type: 'setNote', id: onPage.id, note: 'private note' });
    await ext.send({ type: 'savePapers', papers: [{ id: offPage.id, title: offPage.title }], tags: ['hidden-topic'] });
    const before = await library();

    const page = await openAsAttacker();
    const save = { card: onPage.id, role: 'button', name: /Save/ };
    await expect.poll(() => page.pressed(save)).toBe(true);

    // The person focuses a card's tag input: its autocomplete now holds every tag of the library.
    await page.click({ card: onPage.id, role: 'combobox', name: 'Add tag' });
    await page.press('Escape');

    // 3 and 4: read saved state, tags and the tag list, also for a paper inserted by the page.
    await page.evaluate((html) => document.querySelector('article')!.parentElement!.append(document.createRange().createContextualFragment(html)), listingCards([{ ...onPage, id: offPage.id, title: offPage.title }]));
    await page.scrollToCard(offPage.id);
    await expect.poll(() => page.pressed({ card: offPage.id, role: 'button', name: /Save/ })).toBe(true);
    const seen = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('[data-papershelf-id]')];
      const attributes = new Set<string>();
      for (const element of document.querySelectorAll('*')) for (const name of element.getAttributeNames()) if (/papershelf/i.test(name)) attributes.add(name);
      window.getSelection()!.selectAllChildren(document.body);
      const selected = window.getSelection()!.toString();
      window.getSelection()!.removeAllRanges();
      return {
        hosts: hosts.length,
        shadowRoots: hosts.filter((h) => h.shadowRoot !== null).length,
        hostText: hosts.map((h) => h.textContent + new XMLSerializer().serializeToString(h).replace(/^<div[^>]*><\/div>$/, '')).join(''),
        hostAttributes: [...new Set(hosts.flatMap((h) => h.getAttributeNames()))],
        attributes: [...attributes],
        options: document.querySelectorAll('datalist, option').length,
        text: document.body.innerText + selected,
        runtime: typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
      };
    });
    expect(seen.hosts).toBeGreaterThan(listing.papers.length);
    expect(seen).toMatchObject({ shadowRoots: 0, hostText: '', hostAttributes: ['data-papershelf-id'], attributes: ['data-papershelf-id'], options: 0, runtime: 'undefined' });
    for (const secret of ['secret-tag', 'hidden-topic', 'private note', 'Saved']) expect(seen.text).not.toContain(secret);

    // 1 and 2: act for the user with synthetic clicks and keys, on the hosts and wherever they lead.
    await page.scrollToCard(onPage.id);
    await page.evaluate((id) => {
      const host = document.querySelector(`[data-papershelf-id="${id}"]`) as HTMLElement;
      const box = host.getBoundingClientRect();
      host.click();
      for (let x = box.left + 2; x < box.right; x += 20) {
        const target = document.elementFromPoint(x, box.top + box.height / 2) as HTMLElement | null;
        target?.click();
        target?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
      for (let i = 0; i < 250; i++) {
        for (const key of ['Enter', 'Backspace']) {
          host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
          document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        }
      }
    }, onPage.id);

    // 5: replay WXT's "a newer script started" announcement, which used to tear every bar down.
    await page.evaluate((extensionId) => {
      for (const id of [extensionId, 'undefined']) {
        const type = `${id}:papers:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'papers', messageId: 'forged' } }));
        window.postMessage({ type, contentScriptName: 'papers', messageId: 'forged' }, '*');
      }
    }, ext.id);

    await sleep(500);
    expect(await library()).toEqual(before);
    const posted = await page.evaluate(() => JSON.stringify((window as unknown as { seenMessages: unknown[] }).seenMessages));
    expect(posted.split(ext.id).length - 1).toBe(1); // only the one the page itself posted

    // PaperShelf still works for the person: a real click unsaves, and a real Undo puts it all back.
    expect(await page.evaluate(() => [...document.querySelectorAll('[data-papershelf-id]')].map((h) => h.getAttribute('data-papershelf-id')))).toContain(onPage.id);
    await page.click(save);
    await expect.poll(() => page.pressed(save)).toBe(false);
    await page.click({ card: onPage.id, role: 'button', name: 'Undo remove' });
    await expect.poll(() => page.pressed(save)).toBe(true);
    expect(await library()).toEqual(expect.arrayContaining([expect.objectContaining({ id: onPage.id, tags: ['secret-tag'], note: 'private note' })]));
    await page.close();
  });

  it('cannot tell what the library holds by measuring the bars: saving and tagging change no size the page can read', async () => {
    const page = await openAsAttacker();
    const paper = listing.papers[1]!;
    const save = { card: paper.id, role: 'button', name: /Save/ };
    await expect.poll(() => page.pressed(save)).toBe(false);
    /** What a page script can measure of each bar and of the card around it. */
    const measure = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-papershelf-id]')].map((host) => {
          const box = host.getBoundingClientRect();
          const card = host.closest('article')!.getBoundingClientRect();
          return { id: host.getAttribute('data-papershelf-id'), width: box.width, height: box.height, scrollWidth: host.scrollWidth, scrollHeight: host.scrollHeight, card: [card.width, card.height] };
        }),
      );
    const before = await measure();
    expect(before.map((b) => b.id)).toContain(paper.id);

    // The person saves the paper and gives it more tags than its bar can show at once.
    await page.click(save);
    await expect.poll(() => page.pressed(save)).toBe(true);
    const chips = { card: paper.id, role: 'button', name: /^Remove tag/ };
    await page.typeInto({ card: paper.id, role: 'combobox', name: 'Add tag' }, 'reinforcement learning');
    await page.press('Enter');
    for (const tag of ['agents', 'to read', 'evaluation benchmarks', 'reasoning']) {
      await page.type(tag);
      await page.press('Enter');
    }
    await expect.poll(() => page.count(chips)).toBe(5);
    await page.press('Escape');
    expect(await measure()).toEqual(before);
    await page.close();
  });

  it("6: a content script's own requests get what cards show and nothing else", async () => {
    await ext.send({ type: 'setNote', id: onPage.id, note: 'private note' });
    const page = await openAsAttacker();
    const ask = (message: unknown) => page.inContentScript(`chrome.runtime.sendMessage(${JSON.stringify(message)})`);

    expect(await ask({ type: 'getPapers', ids: [onPage.id] })).toMatchObject({ ok: false, error: expect.stringMatching(/not available to pages/) });
    expect(await ask({ type: 'listPapers' })).toMatchObject({ ok: false });
    expect(await ask({ type: 'cardStates', ids: [onPage.id, offPage.id] })).toEqual({
      ok: true,
      saved: [
        { id: onPage.id, tags: ['secret-tag'] },
        { id: offPage.id, tags: ['hidden-topic'] },
      ],
    });
    await ask({ type: 'cardSave', paper: { id: onPage.id, title: 'A title the page made up' } });
    expect((await library()).find((p) => p.id === onPage.id)).toMatchObject({ title: onPage.title, note: 'private note' });
    await page.close();
  });
});
