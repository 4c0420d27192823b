import { render } from 'preact';
import { t } from '../../lib/extension/i18n';
import { parseEditorFragment } from '../../lib/extension/messaging/editor-port';
import { EditorApp } from './EditorApp';
import { connectToPage } from './page-link';
import '../../components/shared/page-theme.css';
import './editor.css';

document.documentElement.lang = navigator.language;
document.title = t('extName');
const root = document.getElementById('app')!;
const address = parseEditorFragment(location.hash);
const link = address && (await connectToPage(address.token));
render(address && link ? <EditorApp address={address} link={link} /> : <p role="alert">{t('editorUnavailable')}</p>, root);
