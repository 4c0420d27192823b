import { render } from 'preact';
import { openAnnotationDb } from '../../storage/db';
import { PopupApp } from './PopupApp';
import '../../components/shared/page-theme.css';
import './popup.css';

document.documentElement.lang = navigator.language;
render(<PopupApp db={openAnnotationDb()} />, document.getElementById('app')!);
