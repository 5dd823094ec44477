import { DataSection } from '@/components/options/DataSection';
import { LearningSection } from '@/components/options/LearningSection';
import { OptionsServicesProvider, type OptionsServices } from '@/components/options/services';
import { SyncSection } from '@/components/options/SyncSection';
import { TagsSection } from '@/components/options/TagsSection';
import { TrendingSection } from '@/components/options/TrendingSection';
import { t } from '@/lib/i18n';
import '@/components/options/options.css';

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
