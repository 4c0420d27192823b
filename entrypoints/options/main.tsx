import { render } from 'preact';
import { t } from '../../lib/extension/i18n';
import { OptionsApp } from './OptionsApp';
import '../../components/shared/page-theme.css';
import './options.css';

document.documentElement.lang = navigator.language;
document.title = `${t('optionsTitle')} · ${t('extName')}`;
render(<OptionsApp />, document.getElementById('app')!);
