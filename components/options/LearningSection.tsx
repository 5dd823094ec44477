import { useEffect, useState } from 'react';
import { learningSettings, type LearningSettings } from '@/lib/settings/learning';

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
    setMessage(next.enabled ? 'Saved.' : 'Saved. What PaperShelf had learned is deleted.');
  };

  return (
    <section aria-labelledby="learning-heading">
      <h2 id="learning-heading">Learning your topics</h2>
      <p className="muted">
        PaperShelf learns from the papers you save and tag, and from the trending papers you pass over or mark “Not interested”, to
        suggest tags, order papers “For you” and count new papers like yours on the badge. It learns in this browser only: nothing about
        your library is sent anywhere.
      </p>
      <label>
        <input type="checkbox" checked={settings.enabled} onChange={(e) => void change({ ...settings, enabled: e.target.checked })} /> Learn
        from my library
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.tagNewSavesWithTopSuggestion}
          disabled={!settings.enabled}
          onChange={(e) => void change({ ...settings, tagNewSavesWithTopSuggestion: e.target.checked })}
        />{' '}
        Tag new saves with the top suggestion
      </label>
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
    </section>
  );
}
