import { useEffect, useState, type FormEvent } from 'react';
import { LIKE_LIBRARY_DEFAULT_FROM, loadTrendingSettings, MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES, saveTrendingSettings, type TrendingSettings } from '@/lib/trending/settings';
import { useOptionsServices } from '@/components/options/services';
import { t } from '@/lib/i18n';
import { tParts } from '@/components/i18n';

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
      setMessage({ text: t('options_notifications_denied'), error: true });
      return;
    }
    update({ notifications: on });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const interval = Math.round(settings.intervalMinutes);
    if (!(interval >= MIN_INTERVAL_MINUTES)) {
      setMessage({ text: t('options_interval_too_short', MIN_INTERVAL_MINUTES), error: true });
      return;
    }
    const watchWords = words
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean);
    await saveTrendingSettings({ ...settings, intervalMinutes: interval, watchWords });
    const reply = await send({ type: 'trendingSettingsChanged' });
    setMessage(reply.ok ? { text: t('options_saved') } : { text: reply.error, error: true });
  };

  return (
    <section aria-labelledby="trending-heading">
      <h2 id="trending-heading">{t('options_trending_heading')}</h2>
      <form onSubmit={(e) => void save(e)} className="trending-form" noValidate>
        <fieldset>
          <legend>{t('options_watch_legend')}</legend>
          <label>
            <input type="radio" name="source" checked={settings.source === 'trending'} onChange={() => update({ source: 'trending' })} /> {t('options_watch_trending')}
          </label>{' '}
          <label>
            <input type="radio" name="source" checked={settings.source === 'daily'} onChange={() => update({ source: 'daily' })} /> {t('options_watch_daily')}
          </label>
        </fieldset>
        <label>
          {tParts(
            'options_check_every',
            <input
              type="number"
              min={MIN_INTERVAL_MINUTES}
              max={MAX_INTERVAL_MINUTES}
              value={settings.intervalMinutes}
              onChange={(e) => update({ intervalMinutes: Number(e.target.value) })}
              aria-label={t('options_check_every_label')}
            />,
          )}
        </label>
        <fieldset>
          <legend>{t('options_badge_legend')}</legend>
          <label>
            <input type="radio" name="watch" checked={settings.watch === 'all'} onChange={() => update({ watch: 'all' })} /> {t('options_badge_all')}
          </label>{' '}
          <label>
            <input type="radio" name="watch" checked={settings.watch === 'watched'} onChange={() => update({ watch: 'watched' })} />{' '}
            {t('options_badge_watched')}
          </label>{' '}
          <label>
            <input type="radio" name="watch" checked={settings.watch === 'like-library'} onChange={() => update({ watch: 'like-library' })} />{' '}
            {t('options_badge_like_library')}
          </label>
          {settings.watch === undefined && (
            <p className="muted">{t('options_badge_not_chosen', LIKE_LIBRARY_DEFAULT_FROM)}</p>
          )}
        </fieldset>
        <label>
          {t('options_watched_words')}{' '}
          <input
            aria-label={t('options_watched_words_label')}
            placeholder={t('options_watched_words_placeholder')}
            value={words}
            onChange={(e) => setWords(e.target.value)}
          />
        </label>
        <label>
          <input type="checkbox" checked={settings.watchTags} onChange={(e) => update({ watchTags: e.target.checked })} /> {t('options_watch_tags')}
        </label>
        <label>
          <input type="checkbox" checked={settings.notifications} onChange={(e) => void onNotifications(e.target.checked)} />{' '}
          {t('options_notifications')}
        </label>
        <button type="submit">{t('options_save_trending')}</button>
        {message && (
          <span role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
            {message.text}
          </span>
        )}
      </form>
    </section>
  );
}
