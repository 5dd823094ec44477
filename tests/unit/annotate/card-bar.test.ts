import { fireEvent, getByRole, queryAllByRole, queryByRole } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { CardBar } from '@/lib/annotate/card-bar';
import type { CardActions } from '@/lib/annotate/card-feature';

// happy-dom cannot make trusted events: these tests stand in for the user by trusting every event,
// except where they check that a page's synthetic events are ignored.
function setup(tags: string[] = [], options: { trustEverything?: boolean } = { trustEverything: true }) {
  const actions = {
    toggleSave: vi.fn(),
    addTag: vi.fn(),
    removeTag: vi.fn(),
    undoUnsave: vi.fn(),
    toggleNotInterested: vi.fn(),
    tagNames: vi.fn(async () => ['LLM', 'vision']),
  } satisfies CardActions;
  const bar = new CardBar('2606.03748', () => actions, document, options.trustEverything ? { isTrusted: () => true } : {});
  const host = bar.build();
  bar.update({ tags });
  const pageClick = vi.fn();
  const card = document.createElement('article');
  card.addEventListener('click', pageClick);
  card.append(host);
  document.body.append(card);
  const root = bar.root! as unknown as HTMLElement;
  return { actions, bar, host, root, pageClick };
}

describe('a card bar', () => {
  it('shows the page nothing but the paper id: a closed root, no other attribute', () => {
    const { bar, host } = setup(['secret tag']);
    bar.update({ saved: true });
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttributeNames()).toEqual(['data-papershelf-id']);
    expect(host.getAttribute('data-papershelf-id')).toBe('2606.03748');
    expect(host.textContent).toBe('');
  });

  it('has a Save toggle with aria-pressed whose clicks never reach the card', async () => {
    const { bar, root, actions, pageClick } = setup();
    const save = getByRole(root, 'button', { name: /Save/ });
    expect(save).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(save);
    expect(actions.toggleSave).toHaveBeenCalledOnce();
    expect(pageClick).not.toHaveBeenCalled();
    bar.update({ saved: true });
    expect(save).toHaveAttribute('aria-pressed', 'true');
  });

  it('offers Not interested once the reader points at the bar or moves focus into it, after every other control, and takes it away once the paper is saved', async () => {
    const { bar, root, actions } = setup();
    expect(queryByRole(root, 'button', { name: 'Not interested' })).toBeNull();
    await userEvent.hover(getByRole(root, 'button', { name: /Save/ }));
    const button = getByRole(root, 'button', { name: 'Not interested' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect([...getByRole(root, 'group').querySelectorAll('button, [role="combobox"]')].at(-1)).toBe(button);
    await userEvent.click(button);
    expect(actions.toggleNotInterested).toHaveBeenCalledOnce();
    bar.update({ notInterested: true });
    expect(button).toHaveAttribute('aria-pressed', 'true');
    bar.update({ saved: true });
    expect(queryByRole(root, 'button', { name: 'Not interested' })).toBeNull();
  });

  it('has Not interested by the time a keyboard reader tabs on from Save, next in the tab order', () => {
    const { root } = setup();
    getByRole(root, 'button', { name: /Save/ }).focus();
    const button = getByRole(root, 'button', { name: 'Not interested' });
    const addTag = getByRole(root, 'combobox', { name: 'Add tag' });
    // Nothing of the bar has its own tab index past 0: Tab goes in page order, Add tag and then this.
    expect(addTag.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect([...root.querySelectorAll('[tabindex]')].filter((e) => (e as HTMLElement).tabIndex > 0)).toHaveLength(0);
  });

  it('shows Not interested from the start on a card For you recommends, and on a paper already marked', () => {
    const recommended = setup();
    recommended.bar.update({ forYou: 'Like “LLM”' });
    expect(getByRole(recommended.root, 'button', { name: 'Not interested' })).toHaveAttribute('aria-pressed', 'false');
    const marked = setup();
    marked.bar.update({ notInterested: true });
    expect(getByRole(marked.root, 'button', { name: 'Not interested' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows Add tag on a saved paper and on a card the reader points at or tabs into, not on a card only scrolled past', async () => {
    const passedBy = setup();
    expect(queryByRole(passedBy.root, 'combobox', { name: 'Add tag' })).toBeNull();
    expect(getByRole(passedBy.root, 'button', { name: /Save/ })).toBeVisible();
    passedBy.bar.update({ saved: true });
    expect(getByRole(passedBy.root, 'combobox', { name: 'Add tag' })).toBeInTheDocument();

    // A page scrolled under a pointer at rest: the browser tells the bar passing under it that the
    // pointer is over it, but the pointer never moved there.
    const scrolledUnder = setup();
    for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter']) fireEvent(getByRole(scrolledUnder.root, 'button', { name: /Save/ }), new MouseEvent(type, { bubbles: true }));
    expect(queryByRole(scrolledUnder.root, 'combobox', { name: 'Add tag' })).toBeNull();

    const pointed = setup();
    await userEvent.hover(getByRole(pointed.root, 'button', { name: /Save/ }));
    expect(getByRole(pointed.root, 'combobox', { name: 'Add tag' })).toBeInTheDocument();

    const touched = setup();
    await userEvent.pointer({ keys: '[TouchA>]', target: getByRole(touched.root, 'button', { name: /Save/ }) });
    expect(getByRole(touched.root, 'combobox', { name: 'Add tag' })).toBeInTheDocument();

    const tabbed = setup();
    const save = getByRole(tabbed.root, 'button', { name: /Save/ });
    save.focus();
    // Next after Save in the tab order, so that Tab from Save goes there.
    const focusable = [...getByRole(tabbed.root, 'group').querySelectorAll('button, [tabindex="0"]')];
    expect(focusable.indexOf(getByRole(tabbed.root, 'combobox', { name: 'Add tag' }))).toBe(focusable.indexOf(save) + 1);
  });

  it("ignores a page script's synthetic clicks and key presses", () => {
    const { root, actions } = setup(['LLM'], { trustEverything: false });
    getByRole(root, 'button', { name: /Save/ }).click();
    getByRole(root, 'button', { name: 'Remove tag LLM' }).click();
    const input = getByRole(root, 'combobox', { name: 'Add tag' }) as HTMLInputElement;
    input.value = 'injected';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    input.value = '';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Backspace', bubbles: true }));
    expect(actions.toggleSave).not.toHaveBeenCalled();
    expect(actions.addTag).not.toHaveBeenCalled();
    expect(actions.removeTag).not.toHaveBeenCalled();
  });

  it('adds a tag with Enter, removes the last with Backspace on an empty input, closes with Escape', () => {
    const { root, actions } = setup(['LLM', 'to read']);
    // Keys go straight to the input: from outside a closed root, the focused element is the host.
    fireEvent.focus(getByRole(root, 'combobox', { name: 'Add tag' }));
    const input = getByRole(root, 'combobox', { name: 'Add tag' }) as HTMLInputElement;
    expect(input.tagName).toBe('INPUT');
    fireEvent.input(input, { target: { value: '  diffusion ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(actions.addTag).toHaveBeenCalledWith('diffusion');
    expect(input.value).toBe('');
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(actions.removeTag).toHaveBeenCalledWith('to read');
    fireEvent.input(input, { target: { value: 'half' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('');
    expect(actions.addTag).toHaveBeenCalledTimes(1);
  });

  it('puts no text field on the page until the reader goes to one (each costs the page a layout in Chromium)', async () => {
    const { bar, root } = setup(['LLM']);
    expect(root.querySelectorAll('input, textarea, select')).toHaveLength(0);
    await userEvent.click(getByRole(root, 'combobox', { name: 'Add tag' }));
    const input = getByRole(root, 'combobox', { name: 'Add tag' });
    expect(input.tagName).toBe('INPUT');
    expect(bar.root!.activeElement).toBe(input);
  });

  it('leaves a bar untouched when the library says what it already shows (the page neither lays out nor paints it again)', async () => {
    const { bar, root } = setup(['LLM']);
    bar.update({ saved: true, suggested: ['agents'] });
    const changed: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changed.push(...records));
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    // What a listing's answers bring every card after load: the saved state, For you, New.
    bar.update({ saved: true, tags: ['LLM'], suggested: ['agents'] });
    bar.update({ forYou: '', notInterested: false });
    bar.update({ isNew: false, error: '', undo: undefined });
    await Promise.resolve();
    expect(changed).toHaveLength(0);
    bar.update({ tags: ['LLM', 'agents'] });
    await Promise.resolve();
    observer.disconnect();
    expect(changed.length).toBeGreaterThan(0);
    expect(getByRole(root, 'button', { name: 'Remove tag agents' })).toBeInTheDocument();
  });

  it('shows tags as chips that remove their tag', async () => {
    const { root, actions } = setup(['LLM', 'to read']);
    expect(queryAllByRole(root, 'button', { name: /^Remove tag/ }).map((b) => b.textContent)).toEqual(['LLM', 'to read']);
    await userEvent.click(getByRole(root, 'button', { name: 'Remove tag to read' }));
    expect(actions.removeTag).toHaveBeenCalledWith('to read');
  });

  it('offers the library tags as suggestions when the input is focused', async () => {
    const { root, actions } = setup();
    await userEvent.hover(getByRole(root, 'button', { name: /Save/ }));
    await userEvent.click(getByRole(root, 'combobox', { name: 'Add tag' }));
    await vi.waitFor(() => expect(root.querySelectorAll('datalist option')).toHaveLength(2));
    expect(actions.tagNames).toHaveBeenCalled();
  });

  it('offers Undo after a removal, and shows problems instead when there are any', async () => {
    const { bar, root, actions } = setup();
    expect(queryByRole(root, 'button', { name: 'Undo remove' })).toBeNull();
    bar.update({ undo: 'token' });
    expect(getByRole(root, 'status')).toHaveTextContent('Removed from your library.');
    await userEvent.click(getByRole(root, 'button', { name: 'Undo remove' }));
    expect(actions.undoUnsave).toHaveBeenCalledOnce();
    bar.update({ error: 'PaperShelf could not be reached' });
    expect(queryByRole(root, 'button', { name: 'Undo remove' })).toBeNull();
    expect(getByRole(root, 'status')).toHaveTextContent('PaperShelf could not be reached');
  });

  it('has its status region, empty, from the moment the reader points at the bar or focuses it, so that the reply to what they do is said aloud', async () => {
    const pointed = setup();
    expect(queryByRole(pointed.root, 'status')).toBeNull();
    await userEvent.hover(getByRole(pointed.root, 'button', { name: /Save/ }));
    expect(getByRole(pointed.root, 'status')).toHaveTextContent(/^$/);

    const focused = setup();
    getByRole(focused.root, 'button', { name: /Save/ }).focus();
    expect(getByRole(focused.root, 'status')).toHaveTextContent(/^$/);
    focused.bar.update({ error: 'PaperShelf could not be reached' });
    expect(queryAllByRole(focused.root, 'status')).toHaveLength(1);
    expect(getByRole(focused.root, 'status')).toHaveTextContent('PaperShelf could not be reached');
  });

  it('adds its scroll arrows when the reader first points at it, hidden from assistive technology, each scrolling the bar most of its width', async () => {
    const { root } = setup(['LLM']);
    const arrows = () => [...root.querySelectorAll('[aria-hidden="true"]')];
    expect(arrows()).toHaveLength(0);
    const group = getByRole(root, 'group');
    const before = [...group.children].map((child) => child.textContent);
    await userEvent.hover(getByRole(root, 'button', { name: /Save/ }));
    expect(arrows().map((arrow) => arrow.textContent)).toEqual(['‹', '›']);
    // The marks that tell when an end is out of sight hold nothing; every control is where it was.
    expect([...group.children].map((child) => child.textContent).filter((text) => text !== '')).toEqual([...before.filter((text) => text !== ''), 'Not interested']);
    Object.defineProperty(group, 'clientWidth', { value: 400 });
    const scrollBy = vi.spyOn(group, 'scrollBy').mockImplementation(() => undefined);
    await userEvent.click(arrows()[1]!);
    await userEvent.click(arrows()[0]!);
    expect(scrollBy.mock.calls.map(([options]) => (options as ScrollToOptions).left)).toEqual([320, -320]);
  });

  it('looks at its ends once when what it shows changes with the reader elsewhere, so its fades follow, and leaves no watch running', async () => {
    /** The browser's watch on the bar's end marks; the test says which marks are in sight, as a frame would. */
    class Watch {
      static made: Watch[] = [];
      readonly watched = new Set<Element>();
      constructor(private readonly callback: IntersectionObserverCallback) {
        Watch.made.push(this);
      }
      observe(target: Element) {
        this.watched.add(target);
      }
      disconnect() {
        this.watched.clear();
      }
      tell(inSight: (mark: Element) => boolean) {
        this.callback([...this.watched].map((target) => ({ target, isIntersecting: inSight(target) })) as never, this as never);
      }
    }
    const view = document.defaultView!;
    const real = Object.getOwnPropertyDescriptor(view, 'IntersectionObserver');
    Object.defineProperty(view, 'IntersectionObserver', { value: Watch, configurable: true, writable: true });
    try {
      const { bar, root } = setup(['LLM']);
      const group = getByRole(root, 'group');
      const atEnd = (mark: Element) => mark.classList.contains('end');
      await userEvent.hover(getByRole(root, 'button', { name: /Save/ }));
      const [watch] = Watch.made;
      expect(watch?.watched.size).toBe(2);
      watch!.tell(() => true);
      expect(group).not.toHaveClass('more-end');

      // The reader leaves the bar for something else on the page, and the watch stops.
      const elsewhere = document.body.appendChild(document.createElement('button'));
      elsewhere.focus();
      fireEvent.pointerLeave(group);
      expect(watch!.watched.size).toBe(0);
      // Tags come from the popup: the bar is looked at once, fades where it now has more, and stops watching.
      bar.update({ saved: true, tags: ['LLM', 'agents', 'reasoning', 'vision', 'retrieval'] });
      expect(watch!.watched.size).toBe(2);
      watch!.tell((mark) => !atEnd(mark));
      expect(group).toHaveClass('more-end');
      expect(group).not.toHaveClass('more-start');
      expect(watch!.watched.size).toBe(0);
      // Unsaved elsewhere: the tags go, and so does the fade.
      bar.update({ saved: false, tags: [] });
      watch!.tell(() => true);
      expect(group).not.toHaveClass('more-end');
      expect(watch!.watched.size).toBe(0);
      // A state that changes nothing looks at nothing.
      bar.update({ saved: false });
      expect(watch!.watched.size).toBe(0);
    } finally {
      if (real) Object.defineProperty(view, 'IntersectionObserver', real);
    }
  });

  it('brings Undo into sight on the bar the reader used, and scrolls no bar nobody used', async () => {
    const reveal = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => undefined);
    try {
      const untouched = setup();
      untouched.bar.update({ error: 'PaperShelf could not be reached' });
      expect(reveal).not.toHaveBeenCalled();

      const used = setup();
      await userEvent.hover(getByRole(used.root, 'button', { name: /Save/ }));
      used.bar.update({ undo: 'token' });
      expect(reveal.mock.contexts).toEqual([getByRole(used.root, 'button', { name: 'Undo remove' })]);
    } finally {
      reveal.mockRestore();
    }
  });

  it('shows tags and errors as text, never as markup', () => {
    const { bar, root } = setup(['<img src=x onerror=alert(1)>']);
    bar.update({ error: '<b>oops</b>' });
    expect(root.querySelector('img, b')).toBeNull();
    expect(getByRole(root, 'status')).toHaveTextContent('<b>oops</b>');
  });

  it('is built in the theme the page shows (dark), and only then', () => {
    document.documentElement.classList.add('dark');
    try {
      expect(getByRole(setup().root, 'group').classList.contains('dark')).toBe(true);
    } finally {
      document.documentElement.classList.remove('dark');
    }
    expect(getByRole(setup().root, 'group').classList.contains('dark')).toBe(false);
  });

  it('follows the theme it is told, inside its root', () => {
    const { bar, host, root } = setup();
    bar.setTheme(true);
    expect(getByRole(root, 'group').classList.contains('dark')).toBe(true);
    bar.setTheme(false);
    expect(getByRole(root, 'group').classList.contains('dark')).toBe(false);
    expect(host.getAttributeNames()).toEqual(['data-papershelf-id']);
  });

  it('stops listening once removed', async () => {
    const { bar, host, root, actions } = setup();
    const save = getByRole(root, 'button', { name: /Save/ });
    bar.remove();
    await userEvent.click(save);
    expect(actions.toggleSave).not.toHaveBeenCalled();
    expect(host.isConnected).toBe(false);
  });
});

describe('a card bar not built yet', () => {
  it('keeps what it is told and shows it once its card comes near the screen', () => {
    const actions = { toggleSave: vi.fn(), addTag: vi.fn(), removeTag: vi.fn(), undoUnsave: vi.fn(), toggleNotInterested: vi.fn(), tagNames: vi.fn(async () => []) } satisfies CardActions;
    const bar = new CardBar('2606.03748', () => actions, document);
    bar.update({ saved: true, tags: ['agents'] });
    expect(bar.host).toBeUndefined();
    const host = bar.build('byline');
    document.body.append(host);
    const root = bar.root! as unknown as HTMLElement;
    expect(getByRole(root, 'button', { name: /Saved/ })).toHaveAttribute('aria-pressed', 'true');
    expect(getByRole(root, 'group')).toHaveTextContent('agents');
  });
});
