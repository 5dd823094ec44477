import { render, screen, within } from '@testing-library/react';
import { Popup } from '@/components/popup/Popup';
import { clock, freshLibrary, metadata } from '../helpers';

describe('popup', () => {
  it('says the library is empty and where to find papers', async () => {
    const library = freshLibrary();
    render(<Popup db={library.db} />);
    expect(await screen.findByText('0 papers saved')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Hugging Face papers' })).toHaveAttribute('href', 'https://huggingface.co/papers');
  });

  it('shows the count and the saved papers newest first, and follows changes live', async () => {
    const time = clock();
    const library = freshLibrary(time.now);
    await library.savePaper(metadata({ id: '2601.00001', title: 'Older paper' }));
    time.advance(1000);
    await library.savePaper(metadata({ id: '2601.00002', title: 'Newer paper' }), ['LLM']);
    render(<Popup db={library.db} />);

    expect(await screen.findByText('2 papers saved')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Saved papers' });
    expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual(['Newer paper', 'Older paper']);
    expect(within(list).getByRole('link', { name: 'Newer paper' })).toHaveAttribute(
      'href',
      'https://huggingface.co/papers/2601.00002',
    );

    time.advance(1000);
    await library.savePaper(metadata({ id: '2601.00003', title: 'Newest paper' }));
    expect(await screen.findByText('3 papers saved')).toBeInTheDocument();
    expect(within(list).getAllByRole('link')[0]).toHaveTextContent('Newest paper');
  });

  it('shows page text as text, never as markup', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata({ title: '<img src=x onerror=alert(1)> Robust attacks' }));
    render(<Popup db={library.db} />);
    expect(await screen.findByRole('link', { name: '<img src=x onerror=alert(1)> Robust attacks' })).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
