import { render } from 'preact';

import '@/components/panel.css';
import '@/components/your-data.css';
import '@/components/pack-sources.css';
import { PackSettings } from '@/components/pack-settings';
import { YourData } from '@/components/your-data';
import { t } from '@/lib/i18n';
import { logger } from '@/lib/logger';

const root = document.getElementById('app');

// The language of the messages shown; `t` answers with the key when it has none.
const locale = t('locale');
if (locale !== 'locale') document.documentElement.lang = locale;
document.title = `Inflow: ${t('yourDataTitle')}`;

if (root)
  render(
    <>
      <PackSettings />
      <YourData />
    </>,
    root,
  );
else logger.error('The options page has no #app element to render into');
