// The whole data model. Every tenant-owned table carries clinic_id; every query of tenant data filters by it.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const userRole = pgEnum("user_role", ["admin", "clinician"]);
export const planStatus = pgEnum("plan_status", ["draft", "issued", "ended", "archived"]);
/** Why a clinician ended a plan: the programme was finished, or the patient was discharged before it was. */
export const planEndReason = pgEnum("plan_end_reason", ["completed", "discharged"]);
/** The kinds of adherence alert (lib/adherence/alerts.ts); an acknowledgement names one. */
export const alertKind = pgEnum("alert_kind", ["pain", "silence", "exercise-pain", "next-day", "swelling"]);
/** A patient's answer to "the morning after your last session, compared with before it" (pain and stiffness, or knee swelling). */
export const nextDayChange = pgEnum("next_day_change", ["better", "same", "worse"]);
/** ISO 3166 codes of the countries with built-in safety wording, or "other" (typed by the admin). */
export const clinicCountry = pgEnum("clinic_country", ["GB", "IE", "US", "CA", "AU", "NZ", "other"]);
export const paperSize = pgEnum("paper_size", ["A4", "LETTER"]);

export const clinics = pgTable("clinics", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  phone: text("phone"),
  email: text("email"),
  address: text("address"),
  website: text("website"),
  accentColour: text("accent_colour").notNull().default("#0f766e"),
  logoMimeType: text("logo_mime_type"),
  logoBase64: text("logo_base64"),
  /** Decides the safety wording on every patient page and handout (emergency number, urgent advice, family doctor). */
  country: clinicCountry("country").notNull().default("GB"),
  timeZone: text("time_zone").notNull().default("Europe/London"),
  paperSize: paperSize("paper_size").notNull().default("A4"),
  /** The admin's own wording, used only when the country is "other". */
  safetyEmergencyNumber: text("safety_emergency_number"),
  safetyUrgentAdvice: text("safety_urgent_advice"),
  safetyFamilyDoctor: text("safety_family_doctor"),
  /** Every user must use two-factor sign-in; those without it enrol at their next sign-in. */
  requireTwoFactor: boolean("require_two_factor").notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  check(
    "clinics_other_country_wording",
    sql`${t.country} <> 'other' or (${t.safetyEmergencyNumber} is not null and ${t.safetyUrgentAdvice} is not null and ${t.safetyFamilyDoctor} is not null)`,
  ),
]);
export type Clinic = typeof clinics.$inferSelect;
export type NewClinic = typeof clinics.$inferInsert;

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull().default("clinician"),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    sessionVersion: integer("session_version").notNull().default(1),
    /** Set for an account whose password is published (the demo admin); changing the password clears it. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /** The TOTP key, sealed under the server secret (lib/crypto/seal.ts); null without two-factor. */
    totpSecretSealed: text("totp_secret_sealed"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last TOTP time step accepted: a code of that step or an earlier one is refused (no replay). */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), index("users_clinic_idx").on(t.clinicId)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** One-time recovery codes for two-factor sign-in: only their SHA-256 is kept; used once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: createdAt(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("recovery_codes_user_code_key").on(t.userId, t.codeHash)],
);

/**
 * The first-run set-up code (lib/setup): printed by the server at start while no clinic exists; only
 * its SHA-256 is kept, here so that every instance of the app accepts the same code.
 */
export const setupCodes = pgTable("setup_codes", {
  id: uuid("id").primaryKey().defaultRandom(),
  codeHash: text("code_hash").notNull(),
  createdAt: createdAt(),
});

/** A colleague asked to join a clinic: single use, valid 7 days; only the token's SHA-256 is kept. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: userRole("role").notNull().default("clinician"),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("invitations_token_hash_key").on(t.tokenHash), index("invitations_clinic_idx").on(t.clinicId, t.createdAt)],
);
export type Invitation = typeof invitations.$inferSelect;

/** A "forgot password" link: single use, valid 30 minutes; only the token's SHA-256 is kept. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("password_resets_token_hash_key").on(t.tokenHash), index("password_resets_user_idx").on(t.userId)],
);
export type PasswordReset = typeof passwordResets.$inferSelect;

export const emailState = pgEnum("email_state", ["outbox", "sent", "failed"]);

/**
 * Every message the app sent or tried to send. With SMTP_URL the body is not kept; without it the
 * message waits here (the outbox) for an admin to read, its body sealed under the server secret,
 * because invitation and reset links must not sit in the database in clear.
 */
export const outboundEmails = pgTable(
  "outbound_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    state: emailState("state").notNull(),
    /** The text and HTML bodies as one sealed JSON document (lib/email/seal.ts); outbox messages only. */
    bodyCiphertext: text("body_ciphertext"),
    error: text("error"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("outbound_emails_clinic_idx").on(t.clinicId, t.createdAt)],
);
export type OutboundEmail = typeof outboundEmails.$inferSelect;

/** Counted events for rate limits (failed sign-ins, patient session logs); shared by every app instance. */
export const rateLimitEvents = pgTable(
  "rate_limit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("rate_limit_events_lookup_idx").on(t.bucket, t.key, t.createdAt)],
);

export const conditions = pgTable("conditions", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  shortName: text("short_name").notNull(),
  region: text("region").notNull(),
  summary: text("summary").notNull(),
  education: jsonb("education").notNull(),
  updatedAt: updatedAt(),
});
export type ConditionRow = typeof conditions.$inferSelect;

export const exercises = pgTable(
  "exercises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** null for the built-in catalogue, set for a clinic's own exercises. */
    clinicId: uuid("clinic_id").references(() => clinics.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    summary: text("summary").notNull(),
    regions: text("regions").array().notNull(),
    categories: text("categories").array().notNull(),
    level: integer("level").notNull(),
    equipment: text("equipment").array().notNull(),
    suits: text("suits").array().notNull().default(sql`'{}'::text[]`),
    cautionFor: text("caution_for").array().notNull().default(sql`'{}'::text[]`),
    steps: text("steps").array().notNull(),
    cues: text("cues").array().notNull().default(sql`'{}'::text[]`),
    caution: text("caution"),
    defaultDose: jsonb("default_dose").notNull(),
    progression: text("progression"),
    regression: text("regression"),
    figure: jsonb("figure"),
    /** Aliases, summary and steps as one text, written with the row; feeds the search vector. */
    searchText: text("search_text").notNull().default(""),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(search_text, '')), 'B')`,
      ),
    archived: boolean("archived").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("exercises_clinic_slug_key").on(t.clinicId, t.slug).nullsNotDistinct(),
    index("exercises_clinic_idx").on(t.clinicId),
    index("exercises_search_idx").using("gin", t.search),
    index("exercises_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    check("exercises_level_check", sql`${t.level} between 1 and 3`),
  ],
);
export type ExerciseRow = typeof exercises.$inferSelect;
export type NewExerciseRow = typeof exercises.$inferInsert;

export const patients = pgTable(
  "patients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    clinicianId: uuid("clinician_id").references(() => users.id, { onDelete: "set null" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    fullName: text("full_name")
      .notNull()
      .generatedAlwaysAs(sql`first_name || ' ' || last_name`),
    email: text("email"),
    phone: text("phone"),
    birthYear: integer("birth_year"),
    conditions: text("conditions").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes"),
    /** When the patient agreed to receive their plan link by email, and who recorded it; null: no consent. */
    emailConsentAt: timestamp("email_consent_at", { withTimezone: true }),
    emailConsentBy: uuid("email_consent_by").references(() => users.id, { onDelete: "set null" }),
    archived: boolean("archived").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("patients_clinic_name_idx").on(t.clinicId, t.lastName, t.firstName),
    index("patients_clinic_updated_idx").on(t.clinicId, t.updatedAt),
    index("patients_full_name_trgm_idx").using("gin", t.fullName.op("gin_trgm_ops")),
    index("patients_clinician_idx").on(t.clinicianId),
    check("patients_birth_year_check", sql`${t.birthYear} is null or ${t.birthYear} between 1900 and 2100`),
  ],
);
export type Patient = typeof patients.$inferSelect;
export type NewPatient = typeof patients.$inferInsert;

export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    status: planStatus("status").notNull().default("draft"),
    conditions: text("conditions").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes"),
    startDate: date("start_date"),
    reviewDate: date("review_date"),
    /**
     * The plan's last day; when unset, the review date serves. After it the plan reads as ended
     * (lib/plans/lifecycle.ts), with no job to run: every read compares it with today.
     */
    endDate: date("end_date"),
    /** Set when a clinician completes or discharges the plan (status `ended`); cleared by a re-open. */
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: uuid("ended_by").references(() => users.id, { onDelete: "set null" }),
    endReason: planEndReason("end_reason"),
    /** The clinician's words on why it ended (required for a discharge). Never shown to the patient. */
    endNote: text("end_note"),
    /** Pain score at or above which the clinician is alerted. */
    painAlertAt: integer("pain_alert_at").notNull().default(7),
    /** Optimistic concurrency: every save names the revision it edited. */
    revision: integer("revision").notNull().default(1),
    /** The newest issued version number; 0 while never issued. */
    latestVersion: integer("latest_version").notNull().default(0),
    /** True when the draft differs from the newest issued version. */
    hasUnissuedChanges: boolean("has_unissued_changes").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("plans_clinic_patient_idx").on(t.clinicId, t.patientId),
    index("plans_patient_idx").on(t.patientId),
    // The dashboard's attention query reads a clinic's issued plans only.
    index("plans_clinic_issued_idx").on(t.clinicId).where(sql`${t.status} = 'issued'`),
    check("plans_pain_alert_check", sql`${t.painAlertAt} between 1 and 10`),
  ],
);
export type Plan = typeof plans.$inferSelect;
export type NewPlan = typeof plans.$inferInsert;

export const planItems = pgTable(
  "plan_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
    dose: jsonb("dose").notNull(),
    note: text("note"),
    /** The clinician lets the patient see "Too easy? / Too hard?" for this exercise (lib/plans/progression.ts). */
    showVariants: boolean("show_variants").notNull().default(false),
  },
  (t) => [index("plan_items_plan_idx").on(t.planId, t.position), index("plan_items_exercise_idx").on(t.exerciseId)],
);
export type PlanItem = typeof planItems.$inferSelect;
export type NewPlanItem = typeof planItems.$inferInsert;

export const planVersions = pgTable(
  "plan_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** The whole handout as one document (lib/plans/snapshot.ts); never updated. */
    snapshot: jsonb("snapshot").notNull(),
    issuedBy: uuid("issued_by").references(() => users.id, { onDelete: "set null" }),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("plan_versions_plan_version_key").on(t.planId, t.version), index("plan_versions_clinic_idx").on(t.clinicId)],
);
export type PlanVersion = typeof planVersions.$inferSelect;

/** Rendered handout bytes per issued version and variant: the first request renders, later ones read. */
export const handoutFiles = pgTable(
  "handout_files",
  {
    planVersionId: uuid("plan_version_id")
      .notNull()
      .references(() => planVersions.id, { onDelete: "cascade" }),
    variant: text("variant").notNull(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    pdf: bytea("pdf").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.planVersionId, t.variant] })],
);

/**
 * Exercise figures as SVG files, named by the hash of their content and served at
 * /figures/<hash>.svg to any browser that asks: a figure is a drawing of a pose, with no patient's
 * or clinic's details in it, and its address cannot be guessed. The patient page links to them
 * rather than inlining them, so a patient's phone keeps them across visits and versions.
 */
export const figureImages = pgTable("figure_images", {
  hash: text("hash").primaryKey(),
  svg: text("svg").notNull(),
  createdAt: createdAt(),
});
export type FigureImage = typeof figureImages.$inferSelect;

export const shareLinks = pgTable(
  "share_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    /** SHA-256 of the token, hex: the only thing a patient's request is looked up by. */
    tokenHash: text("token_hash").notNull(),
    /**
     * The token sealed with AES-256-GCM under a key derived from NEXTAUTH_SECRET, so the clinician
     * can copy the link and the handout can carry it as a QR code at any time (lib/sharing/token.ts).
     */
    tokenCiphertext: text("token_ciphertext"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastOpenedAt: timestamp("last_opened_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("share_links_token_hash_key").on(t.tokenHash),
    index("share_links_plan_idx").on(t.planId),
    // One live link per plan: two tabs issuing at once cannot give a plan two links.
    uniqueIndex("share_links_plan_live_key").on(t.planId).where(sql`${t.revokedAt} is null`),
  ],
);
export type ShareLink = typeof shareLinks.$inferSelect;

export const sessionLogs = pgTable(
  "session_logs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    loggedOn: date("logged_on").notNull(),
    /** Exercise ids the patient ticked. */
    itemsDone: jsonb("items_done").notNull(),
    pain: integer("pain").notNull(),
    /** Pain during the exercises, 0–10 (the pain-monitoring model); null in logs from before it was asked. */
    exercisePain: integer("exercise_pain"),
    /** Pain and stiffness the morning after the previous session (`nextDayOf`), compared with before it. */
    nextDay: nextDayChange("next_day"),
    /** Knee plans only: swelling the morning after the previous session, compared with before it. */
    swelling: nextDayChange("swelling"),
    /** The date of the session the next-day answers are about. */
    nextDayOf: date("next_day_of"),
    comment: text("comment"),
    /** Generated by the form; a double submit carries the same key and stores one row. */
    clientKey: text("client_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("session_logs_plan_client_key").on(t.planId, t.clientKey),
    index("session_logs_plan_date_idx").on(t.planId, t.loggedOn),
    // A plan's newest log and its last few days of pain, for the alerts.
    index("session_logs_plan_created_idx").on(t.planId, t.createdAt),
    index("session_logs_clinic_idx").on(t.clinicId, t.createdAt),
    // The pain-monitoring alerts (lib/adherence/summary.ts): small indexes of only the logs that can raise one.
    index("session_logs_exercise_pain_idx").on(t.planId, t.createdAt).where(sql`${t.exercisePain} > 5`),
    index("session_logs_swelling_idx").on(t.planId, t.createdAt).where(sql`${t.swelling} = 'worse'`),
    index("session_logs_next_day_idx").on(t.planId, t.createdAt).where(sql`${t.nextDay} is not null`),
    check("session_logs_pain_check", sql`${t.pain} between 0 and 10`),
    check("session_logs_exercise_pain_check", sql`${t.exercisePain} between 0 and 10`),
  ],
);
export type SessionLog = typeof sessionLogs.$inferSelect;

/**
 * A clinician saw an alert and dealt with it: the alert stays quiet until newer data arrives (a
 * session logged after `acknowledgedAt`). One row per plan and kind, overwritten by the next
 * acknowledgement; every acknowledgement is also in the audit trail.
 */
export const alertAcknowledgements = pgTable(
  "alert_acknowledgements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    kind: alertKind("kind").notNull(),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id, { onDelete: "set null" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("alert_acknowledgements_plan_kind_key").on(t.planId, t.kind), index("alert_acknowledgements_clinic_idx").on(t.clinicId)],
);
export type AlertAcknowledgement = typeof alertAcknowledgements.$inferSelect;

// ---------------------------------------------------------------- outcome measures

/** Licence-free outcome measures the app records (NPRS lives on each session log). */
export const outcomeKind = pgEnum("outcome_kind", ["psfs"]);
/** Who gave the scores: the clinician in the clinic, or the patient on their link when asked. */
export const outcomeSource = pgEnum("outcome_source", ["clinician", "patient"]);

/**
 * The activities a patient named for the Patient-Specific Functional Scale on a plan (at most
 * five, positions 0–4). Named once, at the first score; every later score rates the same ones, so
 * the change over time compares like with like. A free position may be named at a later review.
 */
export const psfsActivities = pgTable(
  "psfs_activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("psfs_activities_plan_position_key").on(t.planId, t.position),
    index("psfs_activities_clinic_idx").on(t.clinicId),
    check("psfs_activities_position_check", sql`${t.position} between 0 and 4`),
    check("psfs_activities_name_check", sql`char_length(${t.name}) between 1 and 80`),
  ],
);
export type PsfsActivity = typeof psfsActivities.$inferSelect;

/** One occasion an outcome measure was scored (a baseline, a review, a patient's answer to a request). */
export const outcomeMeasures = pgTable(
  "outcome_measures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    kind: outcomeKind("kind").notNull(),
    /** The day it was scored, in the clinic's calendar. */
    recordedOn: date("recorded_on").notNull(),
    source: outcomeSource("source").notNull(),
    /** The clinician who recorded it; null for the patient's own answer (or a former colleague). */
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    /** The patient form's key: a double submit stores one row. Null for the clinician's records. */
    clientKey: text("client_key"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("outcome_measures_plan_client_key").on(t.planId, t.clientKey),
    index("outcome_measures_plan_idx").on(t.planId, t.recordedOn),
    index("outcome_measures_clinic_idx").on(t.clinicId),
  ],
);
export type OutcomeMeasure = typeof outcomeMeasures.$inferSelect;

/** The 0–10 score of one PSFS activity on one occasion. */
export const outcomeScores = pgTable(
  "outcome_scores",
  {
    measureId: uuid("measure_id")
      .notNull()
      .references(() => outcomeMeasures.id, { onDelete: "cascade" }),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => psfsActivities.id, { onDelete: "cascade" }),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.measureId, t.activityId] }),
    index("outcome_scores_activity_idx").on(t.activityId),
    index("outcome_scores_clinic_idx").on(t.clinicId),
    check("outcome_scores_score_check", sql`${t.score} between 0 and 10`),
  ],
);
export type OutcomeScore = typeof outcomeScores.$inferSelect;

/**
 * The clinician asked the patient to score an outcome measure on their link: while a request is
 * open (`closed_at` null; at most one per plan and kind) the patient page shows the form. The
 * patient's answer closes it, and so does the clinician turning it off.
 */
export const outcomeRequests = pgTable(
  "outcome_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    kind: outcomeKind("kind").notNull(),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("outcome_requests_plan_open_key").on(t.planId, t.kind).where(sql`${t.closedAt} is null`),
    index("outcome_requests_clinic_idx").on(t.clinicId),
  ],
);
export type OutcomeRequest = typeof outcomeRequests.$inferSelect;

export const templates = pgTable(
  "templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** null for built-in condition protocols. */
    clinicId: uuid("clinic_id").references(() => clinics.id, { onDelete: "cascade" }),
    slug: text("slug"),
    name: text("name").notNull(),
    description: text("description"),
    conditions: text("conditions").array().notNull().default(sql`'{}'::text[]`),
    /** [{ exerciseId, dose, note }] in order. */
    items: jsonb("items").notNull(),
    archived: boolean("archived").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("templates_clinic_slug_key").on(t.clinicId, t.slug).nullsNotDistinct(),
    index("templates_clinic_idx").on(t.clinicId),
  ],
);
export type Template = typeof templates.$inferSelect;

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    /** null when the actor is a patient using a share link. */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id"),
    detail: jsonb("detail"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_entity_idx").on(t.clinicId, t.entityType, t.entityId), index("audit_events_clinic_idx").on(t.clinicId, t.createdAt)],
);
export type AuditEvent = typeof auditEvents.$inferSelect;
