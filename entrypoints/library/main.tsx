import { render } from 'preact';
import { t } from '../../lib/extension/i18n';
import { LibraryApp } from './LibraryApp';
import '../../components/shared/page-theme.css';
import './library.css';

document.documentElement.lang = navigator.language;
document.title = `${t('libraryTitle')} · ${t('extName')}`;
render(<LibraryApp />, document.getElementById('app')!);
