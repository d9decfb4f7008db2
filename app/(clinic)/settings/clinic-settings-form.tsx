"use client";

import { useState } from "react";
import { SubmitButton } from "@/app/_components/button";
import { Field, FormStatus, inputClass, TextArea, TextField } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import { contrastWithWhite, minimumContrast } from "@/lib/clinic/colour";
import {
  countries,
  countryNames,
  defaultPaperFor,
  defaultTimeZones,
  safetyWordingFor,
  type Country,
} from "@/lib/clinic/safety-presets";

type Values = Record<string, string | string[]>;

const maxLogoBytes = 1024 * 1024;
const hexColour = /^#[0-9a-fA-F]{6}$/;

export function ClinicSettingsForm({
  action,
  initialValues,
  timeZones,
  logo,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initialValues: Record<string, string>;
  timeZones: string[];
  logo: string | null;
}) {
  const [state, formAction, pending] = useFormAction(action, { ok: false });
  // A refused save echoes what was typed, so nothing is lost (except the chosen file, which a browser cannot refill).
  const values: Values = state.values ?? initialValues;
  const errors = state.fieldErrors ?? {};
  const text = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value[0] : (value ?? "");
  };
  // Keyed by the echoed values, so the uncontrolled fields show what came back from the server.
  const formKey = JSON.stringify(values);
  return (
    <form action={formAction} key={formKey} className="max-w-3xl space-y-8" noValidate>
      <FormStatus state={state} />

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Clinic details</legend>
        <TextField name="name" label="Clinic name" required autoComplete="organization" defaultValue={text("name")} errors={errors.name} />
        <TextArea name="address" label="Address" hint="Optional. Shown under the clinic name." rows={3} defaultValue={text("address")} errors={errors.address} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="phone" label="Phone" type="tel" hint="Optional. Patients are asked to call it with questions." autoComplete="tel" defaultValue={text("phone")} errors={errors.phone} />
          <TextField name="email" label="Email" type="email" hint="Optional" autoComplete="email" defaultValue={text("email")} errors={errors.email} />
          <TextField name="website" label="Website" hint="Optional, e.g. www.clinic.example" autoComplete="url" defaultValue={text("website")} errors={errors.website} />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Logo and colour</legend>
        <LogoField current={logo} errors={errors.logo} />
        <ColourField initial={text("accentColour")} errors={errors.accentColour} />
      </fieldset>

      <RegionFields
        initial={{ country: text("country") as Country, timeZone: text("timeZone"), paperSize: text("paperSize") }}
        custom={{ emergencyNumber: text("safetyEmergencyNumber"), urgentAdvice: text("safetyUrgentAdvice"), familyDoctor: text("safetyFamilyDoctor") }}
        timeZones={timeZones}
        errors={errors}
      />

      <SubmitButton pending={pending} pendingLabel="Saving…" size="lg">
        Save settings
      </SubmitButton>
    </form>
  );
}

function LogoField({ current, errors }: { current: string | null; errors?: string[] }) {
  const [tooBig, setTooBig] = useState<string | null>(null);
  const shown = tooBig ? [tooBig] : errors;
  return (
    <div className="space-y-3">
      {current ? (
        <div className="flex flex-wrap items-center gap-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL from our own database; next/image adds nothing here */}
          <img src={current} alt="Current logo" className="h-12 w-auto max-w-48 rounded bg-white object-contain ring-1 ring-slate-200" />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="removeLogo" className="size-4 accent-brand-700" />
            Remove the logo
          </label>
        </div>
      ) : null}
      <Field id="logo" label={current ? "Replace the logo" : "Logo"} hint="Optional. A PNG or JPEG of up to 1 MB; it is scaled down to fit the page header." errors={shown}>
        {(control) => (
          <input
            {...control}
            name="logo"
            type="file"
            accept="image/png,image/jpeg"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file && file.size > maxLogoBytes) {
                setTooBig(`This file is ${(file.size / 1024 / 1024).toFixed(1)} MB. The logo must be 1 MB or smaller.`);
                event.currentTarget.value = "";
              } else {
                setTooBig(null);
              }
            }}
            className="block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:font-medium file:text-slate-800 hover:file:bg-slate-50"
          />
        )}
      </Field>
    </div>
  );
}

function ColourField({ initial, errors }: { initial: string; errors?: string[] }) {
  const [colour, setColour] = useState(initial);
  const valid = hexColour.test(colour);
  const ratio = valid ? contrastWithWhite(colour) : null;
  return (
    <Field
      id="accentColour"
      label="Brand colour"
      hint={`Used for headings and buttons on white, so it must be dark enough to read: a contrast of at least ${minimumContrast}:1.`}
      errors={errors}
    >
      {(control) => (
        <div className="flex flex-wrap items-center gap-3">
          <input {...control} name="accentColour" value={colour} onChange={(event) => setColour(event.currentTarget.value)} className={`${inputClass} max-w-40 font-mono`} />
          <input
            type="color"
            aria-label="Pick the brand colour"
            value={valid ? colour.toLowerCase() : "#000000"}
            onChange={(event) => setColour(event.currentTarget.value)}
            className="h-10 w-14 cursor-pointer rounded border border-slate-300 bg-white"
          />
          {ratio !== null ? (
            <span className={`text-sm ${ratio >= minimumContrast ? "text-slate-700" : "font-medium text-red-700"}`}>
              <span aria-hidden="true" className="mr-2 inline-block rounded px-2 py-0.5 font-semibold" style={{ color: colour, backgroundColor: "#ffffff", boxShadow: "inset 0 0 0 1px #cbd5e1" }}>
                Aa
              </span>
              Contrast on white {(Math.floor(ratio * 100) / 100).toFixed(2)}:1
            </span>
          ) : null}
        </div>
      )}
    </Field>
  );
}

function RegionFields({
  initial,
  custom,
  timeZones,
  errors,
}: {
  initial: { country: Country; timeZone: string; paperSize: string };
  custom: { emergencyNumber: string; urgentAdvice: string; familyDoctor: string };
  timeZones: string[];
  errors: Record<string, string[]>;
}) {
  const [country, setCountry] = useState<Country>(countries.includes(initial.country) ? initial.country : "GB");
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [paperSize, setPaperSize] = useState(initial.paperSize);
  const [typed, setTyped] = useState(custom);
  const wording = safetyWordingFor(country, typed);

  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 text-lg font-semibold">Country, safety wording and paper</legend>
      <p className="text-sm text-slate-700">
        The country decides what every patient page and handout says to do in an emergency: the number to call, the urgent-advice service and the word for their family doctor.
      </p>
      <Field id="country" label="Country" errors={errors.country}>
        {(control) => (
          <select
            {...control}
            name="country"
            value={country}
            onChange={(event) => {
              const next = event.currentTarget.value as Country;
              setCountry(next);
              // A new country brings its usual paper and time zone; both can still be changed below.
              setPaperSize(defaultPaperFor(next));
              if (next !== "other") setTimeZone(defaultTimeZones[next]);
            }}
            className={inputClass}
          >
            {countries.map((code) => (
              <option key={code} value={code}>
                {countryNames[code]}
              </option>
            ))}
          </select>
        )}
      </Field>

      {country === "other" ? (
        <div className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
          <TypedWording name="safetyEmergencyNumber" label="Emergency number" hint="What patients dial, e.g. 112" value={typed.emergencyNumber} errors={errors.safetyEmergencyNumber} onChange={(value) => setTyped({ ...typed, emergencyNumber: value })} />
          <TypedWording name="safetyUrgentAdvice" label="Urgent-advice service" hint="Name and number, e.g. the out-of-hours doctor on 116 117" value={typed.urgentAdvice} errors={errors.safetyUrgentAdvice} onChange={(value) => setTyped({ ...typed, urgentAdvice: value })} />
          <TypedWording name="safetyFamilyDoctor" label="Family doctor" hint='Reads after "your", e.g. family doctor' value={typed.familyDoctor} errors={errors.safetyFamilyDoctor} onChange={(value) => setTyped({ ...typed, familyDoctor: value })} />
        </div>
      ) : null}

      <div className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm" aria-live="polite">
        <p className="font-medium text-slate-900">Patients will read:</p>
        {wording ? (
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-800">
            <li>
              In an emergency, call {wording.emergencyNumber} or go to {wording.emergencyDepartment}.
            </li>
            <li>
              For advice the same day, contact your {wording.familyDoctor} or {wording.urgentAdviceAction}.
            </li>
          </ul>
        ) : (
          <p className="mt-1 text-slate-700">Type all three above to see the wording.</p>
        )}
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="timeZone" label="Time zone" hint="For the dates on plans and handouts." errors={errors.timeZone}>
          {(control) => (
            <select {...control} name="timeZone" value={timeZone} onChange={(event) => setTimeZone(event.currentTarget.value)} className={inputClass}>
              {timeZones.includes(timeZone) ? null : <option value={timeZone}>{timeZone}</option>}
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="paperSize" label="Default paper size" hint="The handout's paper when nobody picks another. Letter is usual in the US and Canada." errors={errors.paperSize}>
          {(control) => (
            <select {...control} name="paperSize" value={paperSize} onChange={(event) => setPaperSize(event.currentTarget.value)} className={inputClass}>
              <option value="A4">A4</option>
              <option value="LETTER">US Letter</option>
            </select>
          )}
        </Field>
      </div>
    </fieldset>
  );
}

function TypedWording({ name, label, hint, value, errors, onChange }: { name: string; label: string; hint: string; value: string; errors?: string[]; onChange: (value: string) => void }) {
  return (
    <Field id={name} label={label} hint={hint} errors={errors}>
      {(control) => <input {...control} name={name} value={value} aria-required onChange={(event) => onChange(event.currentTarget.value)} className={inputClass} />}
    </Field>
  );
}
