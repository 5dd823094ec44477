import { useEffect, useState, type FormEvent } from 'react';
import { LIKE_LIBRARY_DEFAULT_FROM, loadTrendingSettings, MIN_INTERVAL_MINUTES, saveTrendingSettings, type TrendingSettings } from '@/lib/trending/settings';
import { useOptionsServices } from './services';

/** How PaperShelf watches Hugging Face: which list, how often, about what, and whether to notify. */
export function TrendingSection() {
  const { send, requestNotifications } = useOptionsServices();
  const [settings, setSettings] = useState<TrendingSettings>();
  const [words, setWords] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  useEffect(() => {
    void loadTrendingSettings().then((s) => {
      setSettings(s);
      setWords(s.watchWords.join(', '));
    });
  }, []);
  if (!settings) return null;

  const update = (change: Partial<TrendingSettings>) => setSettings({ ...settings, ...change });

  const onNotifications = async (on: boolean) => {
    // The permission is asked for only now, when the user turns notifications on.
    if (on && !(await requestNotifications())) {
      setMessage({ text: 'Notifications stay off: the browser did not allow them.', error: true });
      return;
    }
    update({ notifications: on });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const interval = Math.round(settings.intervalMinutes);
    if (!(interval >= MIN_INTERVAL_MINUTES)) {
      setMessage({ text: `Check at most every ${MIN_INTERVAL_MINUTES} minutes.`, error: true });
      return;
    }
    const watchWords = words
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean);
    await saveTrendingSettings({ ...settings, intervalMinutes: interval, watchWords });
    const reply = await send({ type: 'trendingSettingsChanged' });
    setMessage(reply.ok ? { text: 'Saved.' } : { text: reply.error, error: true });
  };

  return (
    <section aria-labelledby="trending-heading">
      <h2 id="trending-heading">Trending</h2>
      <form onSubmit={(e) => void save(e)} className="trending-form" noValidate>
        <fieldset>
          <legend>Watch</legend>
          <label>
            <input type="radio" name="source" checked={settings.source === 'trending'} onChange={() => update({ source: 'trending' })} /> the trending list
          </label>{' '}
          <label>
            <input type="radio" name="source" checked={settings.source === 'daily'} onChange={() => update({ source: 'daily' })} /> the daily list
          </label>
        </fieldset>
        <label>
          Check every{' '}
          <input
            type="number"
            min={MIN_INTERVAL_MINUTES}
            max={1440}
            value={settings.intervalMinutes}
            onChange={(e) => update({ intervalMinutes: Number(e.target.value) })}
            aria-label="Check every (minutes)"
          />{' '}
          minutes
        </label>
        <fieldset>
          <legend>The badge counts</legend>
          <label>
            <input type="radio" name="watch" checked={settings.watch === 'all'} onChange={() => update({ watch: 'all' })} /> every new paper
          </label>{' '}
          <label>
            <input type="radio" name="watch" checked={settings.watch === 'watched'} onChange={() => update({ watch: 'watched' })} /> papers
            about the words and tags below
          </label>{' '}
          <label>
            <input type="radio" name="watch" checked={settings.watch === 'like-library'} onChange={() => update({ watch: 'like-library' })} />{' '}
            papers like my library
          </label>
          {settings.watch === undefined && (
            <p className="muted">Not chosen yet: PaperShelf counts papers like your library once it holds {LIKE_LIBRARY_DEFAULT_FROM} papers, else every new paper (or the watched words, if you set some).</p>
          )}
        </fieldset>
        <label>
          Watched words{' '}
          <input
            aria-label="Watched words (comma-separated)"
            placeholder="e.g. diffusion, RLHF, state space models"
            value={words}
            onChange={(e) => setWords(e.target.value)}
          />
        </label>
        <label>
          <input type="checkbox" checked={settings.watchTags} onChange={(e) => update({ watchTags: e.target.checked })} /> …and my tags
        </label>
        <label>
          <input type="checkbox" checked={settings.notifications} onChange={(e) => void onNotifications(e.target.checked)} /> Desktop
          notification when new papers trend
        </label>
        <button type="submit">Save trending settings</button>
        {message && (
          <span role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
            {message.text}
          </span>
        )}
      </form>
    </section>
  );
}
