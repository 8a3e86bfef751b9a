import { render } from 'preact';

import '@/components/panel.css';
import { Panel } from '@/components/panel';
import { tabFromAddress } from '@/components/use-panel-tab';
import { t } from '@/lib/i18n';
import { logger } from '@/lib/logger';

const root = document.getElementById('app');

// The language of the messages actually shown, which may be the default locale's
// rather than the browser's. `t` answers with the key itself when it has no message.
const locale = t('locale');
if (locale !== 'locale') document.documentElement.lang = locale;

if (root) render(<Panel tabId={tabFromAddress(location.search)} />, root);
else logger.error('The side panel page has no #app element to render into');
