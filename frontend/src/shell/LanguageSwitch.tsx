import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, isLanguage, LANGUAGES } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="lang-switch">
      <label htmlFor={id}>{t('header.language')}</label>
      <select
        id={id}
        data-testid="language"
        value={i18n.language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) chooseLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
