import { getByRole, queryAllByRole } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { CardControls, type CardActions } from '@/lib/annotate/card-controls';

function setup(tags: string[] = []) {
  const actions = {
    toggleSave: vi.fn(),
    addTag: vi.fn(),
    removeTag: vi.fn(),
    knownTags: vi.fn(async () => ['LLM', 'vision']),
  } satisfies CardActions;
  const controls = new CardControls('2606.03748', actions);
  controls.build();
  controls.update({ tags });
  const pageClick = vi.fn();
  const card = document.createElement('article');
  card.addEventListener('click', pageClick);
  card.append(controls.host);
  document.body.append(card);
  const root = controls.host.shadowRoot! as unknown as HTMLElement;
  return { actions, controls, root, pageClick };
}

describe('card controls', () => {
  it('carry the id, the saved state and a Save toggle with aria-pressed', async () => {
    const { controls, root, actions, pageClick } = setup();
    expect(controls.host.getAttribute('data-papershelf-id')).toBe('2606.03748');
    const save = getByRole(root, 'button', { name: /Save/ });
    expect(save).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(save);
    expect(actions.toggleSave).toHaveBeenCalledOnce();
    expect(pageClick).not.toHaveBeenCalled(); // the card's own click handler never sees it
    controls.update({ saved: true });
    expect(save).toHaveAttribute('aria-pressed', 'true');
    expect(controls.host.dataset.papershelfSaved).toBe('true');
  });

  it('add a tag with Enter, remove the last with Backspace on an empty input, close with Escape', async () => {
    const { root, actions } = setup(['LLM', 'to read']);
    const input = getByRole(root, 'combobox', { name: 'Add tag' }) as HTMLInputElement;
    await userEvent.type(input, '  diffusion {Enter}');
    expect(actions.addTag).toHaveBeenCalledWith('diffusion');
    expect(input.value).toBe('');
    await userEvent.type(input, '{Backspace}');
    expect(actions.removeTag).toHaveBeenCalledWith('to read');
    await userEvent.type(input, 'half{Escape}');
    expect(input.value).toBe('');
    expect(actions.addTag).toHaveBeenCalledTimes(1);
  });

  it('show tags as chips that remove their tag', async () => {
    const { root, actions } = setup(['LLM', 'to read']);
    expect(queryAllByRole(root, 'button', { name: /^Remove tag/ }).map((b) => b.textContent)).toEqual(['LLM', 'to read']);
    await userEvent.click(getByRole(root, 'button', { name: 'Remove tag to read' }));
    expect(actions.removeTag).toHaveBeenCalledWith('to read');
  });

  it('offer the library tags as suggestions when the input is focused', async () => {
    const { root, actions } = setup();
    await userEvent.click(getByRole(root, 'combobox', { name: 'Add tag' }));
    await vi.waitFor(() => expect(root.querySelectorAll('datalist option')).toHaveLength(2));
    expect(actions.knownTags).toHaveBeenCalled();
  });

  it('show tags and errors as text, never as markup', () => {
    const { controls, root } = setup(['<img src=x onerror=alert(1)>']);
    controls.showError('<b>oops</b>');
    expect(root.querySelector('img, b')).toBeNull();
    expect(getByRole(root, 'status')).toHaveTextContent('<b>oops</b>');
  });
});
