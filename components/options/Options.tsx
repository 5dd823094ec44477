import { DataSection } from './DataSection';
import { LearningSection } from './LearningSection';
import { OptionsServicesProvider, type OptionsServices } from './services';
import { SyncSection } from './SyncSection';
import { TagsSection } from './TagsSection';
import { TrendingSection } from './TrendingSection';
import { t } from '@/lib/i18n';
import './options.css';

export function Options({ services }: { services: OptionsServices }) {
  return (
    <OptionsServicesProvider value={services}>
      <main className="options">
        <h1>{t('options_title')}</h1>
        <TagsSection />
        <DataSection />
        <TrendingSection />
        <LearningSection />
        <SyncSection />
      </main>
    </OptionsServicesProvider>
  );
}
