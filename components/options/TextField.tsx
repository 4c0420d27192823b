import { t, type MessageKey } from '../../lib/extension/i18n';

/** What one labelled text field of the options page shows. */
interface Props {
  id: string;
  label: MessageKey;
  /** `password` for keys and secrets (never shown as typed). */
  type: 'text' | 'url' | 'password';
  value: string;
  help?: MessageKey;
  maxLength?: number;
  placeholder?: string;
  onInput: (value: string) => void;
}

/**
 * One labelled text field of the options page (translation set-up, sync): no autocomplete or spellcheck (addresses,
 * keys, passphrases), its help text tied to it for screen readers.
 */
export function TextField(props: Props) {
  return (
    <div class="field">
      <label for={props.id}>{t(props.label)}</label>
      <input
        id={props.id}
        type={props.type}
        value={props.value}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        autocomplete="off"
        spellcheck={false}
        aria-describedby={props.help && `${props.id}-help`}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      {props.help && (
        <p class="help" id={`${props.id}-help`}>
          {t(props.help)}
        </p>
      )}
    </div>
  );
}
