import { useEffect, useState } from 'react';
import { learningSettings, type LearningSettings } from '@/lib/settings/learning';
import { t } from '@/lib/i18n';

/** What PaperShelf learns from the library, on this device only, and how to turn it off. */
export function LearningSection() {
  const [settings, setSettings] = useState<LearningSettings>();
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    void learningSettings.get().then(setSettings);
  }, []);
  if (!settings) return null;

  const change = async (next: LearningSettings) => {
    setSettings(await learningSettings.set(next));
    setMessage(t(next.enabled ? 'options_saved' : 'options_learning_deleted'));
  };

  return (
    <section aria-labelledby="learning-heading">
      <h2 id="learning-heading">{t('options_learning_heading')}</h2>
      <p className="muted">{t('options_learning_help')}</p>
      <label>
        <input type="checkbox" checked={settings.enabled} onChange={(e) => void change({ ...settings, enabled: e.target.checked })} />{' '}
        {t('options_learning_enable')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.tagNewSavesWithTopSuggestion}
          disabled={!settings.enabled}
          onChange={(e) => void change({ ...settings, tagNewSavesWithTopSuggestion: e.target.checked })}
        />{' '}
        {t('options_learning_tag_new')}
      </label>
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
    </section>
  );
}
