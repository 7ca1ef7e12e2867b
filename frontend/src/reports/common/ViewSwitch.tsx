import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

type Props<V extends string> = {
  name: string; // the search param (the API's group / view)
  labelKey: string;
  values: readonly V[];
  current: V;
  optionKey: (v: V) => string;
};

// ViewSwitch picks a report's grouping or view: a radio group, so arrow
// keys move between views as in any native control.
export function ViewSwitch<V extends string>({ name, labelKey, values, current, optionKey }: Props<V>) {
  const { t } = useTranslation('reports');
  const [, setSearch] = useSearchParams();
  const id = useId();
  return (
    <fieldset className="view-switch">
      <legend>{t(labelKey)}</legend>
      {values.map((v) => (
        <label key={v} className={v === current ? 'active' : undefined}>
          <input
            type="radio"
            name={`${id}-${name}`}
            value={v}
            checked={v === current}
            onChange={() =>
              setSearch((s) => {
                const n = new URLSearchParams(s);
                n.set(name, v);
                return n;
              })
            }
          />
          {t(optionKey(v))}
        </label>
      ))}
    </fieldset>
  );
}
