-- Create "api_keys" table
CREATE TABLE `api_keys` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `prefix` text NOT NULL, `secret_hash` blob NOT NULL, `label` text NOT NULL DEFAULT (''), `last_used_at` datetime NULL, `revoked_at` datetime NULL, `account_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `api_keys_accounts_api_keys` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE NO ACTION);
-- Create index "api_keys_prefix_key" to table: "api_keys"
CREATE UNIQUE INDEX `api_keys_prefix_key` ON `api_keys` (`prefix`);
-- Create index "apikey_account_id" to table: "api_keys"
CREATE INDEX `apikey_account_id` ON `api_keys` (`account_id`);
-- Create "accounts" table
CREATE TABLE `accounts` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `phone` text NOT NULL, `role` text NOT NULL DEFAULT ('recipient'), `display_name` text NOT NULL DEFAULT (''), `locale` text NOT NULL DEFAULT ('id'), `data_saver` bool NOT NULL DEFAULT (false), `muted_kinds` json NULL, `quiet_start_minute` integer NOT NULL DEFAULT (1260), `quiet_end_minute` integer NOT NULL DEFAULT (360), `daily_push_cap` integer NOT NULL DEFAULT (5), `last_sign_in_at` datetime NULL, `disabled_at` datetime NULL, `digital_platform_id` text NULL, `job_portal_id` text NULL, `payment_partner_id` text NULL, `training_institution_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `accounts_digital_platforms_accounts` FOREIGN KEY (`digital_platform_id`) REFERENCES `digital_platforms` (`id`) ON DELETE SET NULL, CONSTRAINT `accounts_job_portals_accounts` FOREIGN KEY (`job_portal_id`) REFERENCES `job_portals` (`id`) ON DELETE SET NULL, CONSTRAINT `accounts_payment_partners_accounts` FOREIGN KEY (`payment_partner_id`) REFERENCES `payment_partners` (`id`) ON DELETE SET NULL, CONSTRAINT `accounts_training_institutions_accounts` FOREIGN KEY (`training_institution_id`) REFERENCES `training_institutions` (`id`) ON DELETE SET NULL);
-- Create index "accounts_phone_key" to table: "accounts"
CREATE UNIQUE INDEX `accounts_phone_key` ON `accounts` (`phone`);
-- Create "applications" table
CREATE TABLE `applications` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `province_id` text NOT NULL, `status` text NOT NULL DEFAULT ('pending'), `rank` integer NULL, `exclusion_reason` text NULL, `decided_at` datetime NULL, `recipient_id` text NOT NULL, `wave_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `applications_recipients_applications` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION, CONSTRAINT `applications_waves_applications` FOREIGN KEY (`wave_id`) REFERENCES `waves` (`id`) ON DELETE NO ACTION);
-- Create index "application_recipient_id" to table: "applications"
CREATE INDEX `application_recipient_id` ON `applications` (`recipient_id`);
-- Create index "application_recipient_id_wave_id" to table: "applications"
CREATE UNIQUE INDEX `application_recipient_id_wave_id` ON `applications` (`recipient_id`, `wave_id`);
-- Create index "application_wave_id_province_id_status" to table: "applications"
CREATE INDEX `application_wave_id_province_id_status` ON `applications` (`wave_id`, `province_id`, `status`);
-- Create index "application_wave_id_status" to table: "applications"
CREATE INDEX `application_wave_id_status` ON `applications` (`wave_id`, `status`);
-- Create "audit_logs" table
CREATE TABLE `audit_logs` (`id` text NOT NULL, `created_at` datetime NOT NULL, `actor_id` text NULL, `actor_role` text NOT NULL DEFAULT ('system'), `action` text NOT NULL, `target_type` text NOT NULL DEFAULT (''), `target_id` text NULL, `reason` text NOT NULL DEFAULT (''), `detail` json NULL, PRIMARY KEY (`id`));
-- Create index "auditlog_target_id_created_at" to table: "audit_logs"
CREATE INDEX `auditlog_target_id_created_at` ON `audit_logs` (`target_id`, `created_at`);
-- Create index "auditlog_actor_id_created_at" to table: "audit_logs"
CREATE INDEX `auditlog_actor_id_created_at` ON `audit_logs` (`actor_id`, `created_at`);
-- Create "certificates" table
CREATE TABLE `certificates` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `number` text NOT NULL, `post_test_score` integer NOT NULL, `issued_at` datetime NOT NULL, `course_id` text NOT NULL, `purchase_id` text NOT NULL, `recipient_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `certificates_courses_certificates` FOREIGN KEY (`course_id`) REFERENCES `courses` (`id`) ON DELETE NO ACTION, CONSTRAINT `certificates_purchases_certificate` FOREIGN KEY (`purchase_id`) REFERENCES `purchases` (`id`) ON DELETE NO ACTION, CONSTRAINT `certificates_recipients_certificates` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION);
-- Create index "certificates_number_key" to table: "certificates"
CREATE UNIQUE INDEX `certificates_number_key` ON `certificates` (`number`);
-- Create index "certificates_purchase_id_key" to table: "certificates"
CREATE UNIQUE INDEX `certificates_purchase_id_key` ON `certificates` (`purchase_id`);
-- Create index "certificate_recipient_id" to table: "certificates"
CREATE INDEX `certificate_recipient_id` ON `certificates` (`recipient_id`);
-- Create "chat_messages" table
CREATE TABLE `chat_messages` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `client_id` text NOT NULL, `body` text NOT NULL, `sender_id` text NOT NULL, `complaint_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `chat_messages_accounts_chat_messages` FOREIGN KEY (`sender_id`) REFERENCES `accounts` (`id`) ON DELETE NO ACTION, CONSTRAINT `chat_messages_complaints_messages` FOREIGN KEY (`complaint_id`) REFERENCES `complaints` (`id`) ON DELETE NO ACTION);
-- Create index "chat_messages_client_id_key" to table: "chat_messages"
CREATE UNIQUE INDEX `chat_messages_client_id_key` ON `chat_messages` (`client_id`);
-- Create index "chatmessage_complaint_id_created_at" to table: "chat_messages"
CREATE INDEX `chatmessage_complaint_id_created_at` ON `chat_messages` (`complaint_id`, `created_at`);
-- Create "complaints" table
CREATE TABLE `complaints` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `client_id` text NOT NULL, `channel` text NOT NULL, `category` text NOT NULL, `subject` text NOT NULL, `body` text NOT NULL, `status` text NOT NULL DEFAULT ('open'), `closed_at` datetime NULL, `account_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `complaints_accounts_complaints` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE NO ACTION);
-- Create index "complaints_client_id_key" to table: "complaints"
CREATE UNIQUE INDEX `complaints_client_id_key` ON `complaints` (`client_id`);
-- Create index "complaint_account_id" to table: "complaints"
CREATE INDEX `complaint_account_id` ON `complaints` (`account_id`);
-- Create index "complaint_status_created_at" to table: "complaints"
CREATE INDEX `complaint_status_created_at` ON `complaints` (`status`, `created_at`);
-- Create "courses" table
CREATE TABLE `courses` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `description` text NOT NULL DEFAULT (''), `category` text NOT NULL, `method` text NOT NULL, `price` integer NOT NULL, `duration_hours` integer NOT NULL, `assessment_score` integer NOT NULL DEFAULT (0), `rating_average` real NOT NULL DEFAULT (0), `rating_count` integer NOT NULL DEFAULT (0), `purchase_count` integer NOT NULL DEFAULT (0), `active` bool NOT NULL DEFAULT (true), `training_institution_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `courses_training_institutions_courses` FOREIGN KEY (`training_institution_id`) REFERENCES `training_institutions` (`id`) ON DELETE NO ACTION);
-- Create index "course_category_active" to table: "courses"
CREATE INDEX `course_category_active` ON `courses` (`category`, `active`);
-- Create index "course_training_institution_id" to table: "courses"
CREATE INDEX `course_training_institution_id` ON `courses` (`training_institution_id`);
-- Create "devices" table
CREATE TABLE `devices` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `token` text NOT NULL, `p256dh` text NULL, `auth_secret` text NULL, `label` text NOT NULL DEFAULT (''), `last_seen_at` datetime NULL, `disabled_at` datetime NULL, `disabled_reason` text NULL, `account_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `devices_accounts_devices` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE NO ACTION);
-- Create index "devices_token_key" to table: "devices"
CREATE UNIQUE INDEX `devices_token_key` ON `devices` (`token`);
-- Create index "device_account_id" to table: "devices"
CREATE INDEX `device_account_id` ON `devices` (`account_id`);
-- Create "digital_platforms" table
CREATE TABLE `digital_platforms` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `code` text NOT NULL, `name` text NOT NULL, `active` bool NOT NULL DEFAULT (true), `url` text NOT NULL DEFAULT (''), PRIMARY KEY (`id`));
-- Create index "digital_platforms_code_key" to table: "digital_platforms"
CREATE UNIQUE INDEX `digital_platforms_code_key` ON `digital_platforms` (`code`);
-- Create "identity_checks" table
CREATE TABLE `identity_checks` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `registry` text NOT NULL, `outcome` text NOT NULL, `reason_code` text NOT NULL DEFAULT (''), `recipient_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `identity_checks_recipients_identity_checks` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION);
-- Create index "identitycheck_recipient_id" to table: "identity_checks"
CREATE INDEX `identitycheck_recipient_id` ON `identity_checks` (`recipient_id`);
-- Create "job_applications" table
CREATE TABLE `job_applications` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `client_id` text NOT NULL, `from_recommendation` bool NOT NULL DEFAULT (false), `status` text NOT NULL DEFAULT ('submitted'), `recipient_id` text NOT NULL, `vacancy_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `job_applications_recipients_job_applications` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION, CONSTRAINT `job_applications_vacancies_applications` FOREIGN KEY (`vacancy_id`) REFERENCES `vacancies` (`id`) ON DELETE NO ACTION);
-- Create index "job_applications_client_id_key" to table: "job_applications"
CREATE UNIQUE INDEX `job_applications_client_id_key` ON `job_applications` (`client_id`);
-- Create index "jobapplication_recipient_id" to table: "job_applications"
CREATE INDEX `jobapplication_recipient_id` ON `job_applications` (`recipient_id`);
-- Create index "jobapplication_recipient_id_vacancy_id" to table: "job_applications"
CREATE UNIQUE INDEX `jobapplication_recipient_id_vacancy_id` ON `job_applications` (`recipient_id`, `vacancy_id`);
-- Create index "jobapplication_vacancy_id" to table: "job_applications"
CREATE INDEX `jobapplication_vacancy_id` ON `job_applications` (`vacancy_id`);
-- Create "job_portals" table
CREATE TABLE `job_portals` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `code` text NOT NULL, `name` text NOT NULL, `active` bool NOT NULL DEFAULT (true), `url` text NOT NULL DEFAULT (''), PRIMARY KEY (`id`));
-- Create index "job_portals_code_key" to table: "job_portals"
CREATE UNIQUE INDEX `job_portals_code_key` ON `job_portals` (`code`);
-- Create "linked_accounts" table
CREATE TABLE `linked_accounts` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `account_masked` text NOT NULL, `account_hash` blob NOT NULL, `kyc_status` text NOT NULL DEFAULT ('pending'), `primary` bool NOT NULL DEFAULT (false), `verified_at` datetime NULL, `payment_partner_id` text NOT NULL, `recipient_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `linked_accounts_payment_partners_linked_accounts` FOREIGN KEY (`payment_partner_id`) REFERENCES `payment_partners` (`id`) ON DELETE NO ACTION, CONSTRAINT `linked_accounts_recipients_linked_accounts` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION);
-- Create index "linkedaccount_recipient_id" to table: "linked_accounts"
CREATE INDEX `linkedaccount_recipient_id` ON `linked_accounts` (`recipient_id`);
-- Create "notifications" table
CREATE TABLE `notifications` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `event_key` text NOT NULL, `title` text NOT NULL, `body` text NOT NULL, `link` text NOT NULL DEFAULT ('/'), `data` json NULL, `expires_at` datetime NULL, `push_status` text NOT NULL DEFAULT ('pending'), `pushed_at` datetime NULL, `read_at` datetime NULL, `account_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `notifications_accounts_notifications` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE NO ACTION);
-- Create index "notification_account_id" to table: "notifications"
CREATE INDEX `notification_account_id` ON `notifications` (`account_id`);
-- Create index "notification_account_id_event_key" to table: "notifications"
CREATE UNIQUE INDEX `notification_account_id_event_key` ON `notifications` (`account_id`, `event_key`);
-- Create index "notification_account_id_created_at" to table: "notifications"
CREATE INDEX `notification_account_id_created_at` ON `notifications` (`account_id`, `created_at`);
-- Create "otp_challenges" table
CREATE TABLE `otp_challenges` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `phone` text NOT NULL, `code_hash` blob NOT NULL, `expires_at` datetime NOT NULL, `attempts` integer NOT NULL DEFAULT (0), `used_at` datetime NULL, PRIMARY KEY (`id`));
-- Create index "otpchallenge_phone_created_at" to table: "otp_challenges"
CREATE INDEX `otpchallenge_phone_created_at` ON `otp_challenges` (`phone`, `created_at`);
-- Create "payment_partners" table
CREATE TABLE `payment_partners` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `code` text NOT NULL, `name` text NOT NULL, `active` bool NOT NULL DEFAULT (true), `kind` text NOT NULL, PRIMARY KEY (`id`));
-- Create index "payment_partners_code_key" to table: "payment_partners"
CREATE UNIQUE INDEX `payment_partners_code_key` ON `payment_partners` (`code`);
-- Create "payouts" table
CREATE TABLE `payouts` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `installment` integer NOT NULL, `amount` integer NOT NULL, `scheduled_for` date NOT NULL, `status` text NOT NULL DEFAULT ('entitled'), `idempotency_key` text NOT NULL, `reference` text NULL, `sent_at` datetime NULL, `failure_reason` text NULL, `linked_account_id` text NULL, `payment_partner_id` text NULL, `recipient_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `payouts_linked_accounts_payouts` FOREIGN KEY (`linked_account_id`) REFERENCES `linked_accounts` (`id`) ON DELETE SET NULL, CONSTRAINT `payouts_payment_partners_payouts` FOREIGN KEY (`payment_partner_id`) REFERENCES `payment_partners` (`id`) ON DELETE SET NULL, CONSTRAINT `payouts_recipients_payouts` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION);
-- Create index "payouts_idempotency_key_key" to table: "payouts"
CREATE UNIQUE INDEX `payouts_idempotency_key_key` ON `payouts` (`idempotency_key`);
-- Create index "payout_recipient_id" to table: "payouts"
CREATE INDEX `payout_recipient_id` ON `payouts` (`recipient_id`);
-- Create index "payout_recipient_id_kind_installment" to table: "payouts"
CREATE UNIQUE INDEX `payout_recipient_id_kind_installment` ON `payouts` (`recipient_id`, `kind`, `installment`);
-- Create index "payout_status_scheduled_for" to table: "payouts"
CREATE INDEX `payout_status_scheduled_for` ON `payouts` (`status`, `scheduled_for`);
-- Create "provinces" table
CREATE TABLE `provinces` (`id` text NOT NULL, `code` text NOT NULL, `name` text NOT NULL, `time_zone` text NOT NULL, PRIMARY KEY (`id`));
-- Create index "provinces_code_key" to table: "provinces"
CREATE UNIQUE INDEX `provinces_code_key` ON `provinces` (`code`);
-- Create "purchases" table
CREATE TABLE `purchases` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `price` integer NOT NULL, `invoice_code` text NOT NULL, `idempotency_key` text NOT NULL, `status` text NOT NULL DEFAULT ('paid'), `progress_percent` integer NOT NULL DEFAULT (0), `completed_at` datetime NULL, `course_id` text NOT NULL, `digital_platform_id` text NOT NULL, `recipient_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `purchases_courses_purchases` FOREIGN KEY (`course_id`) REFERENCES `courses` (`id`) ON DELETE NO ACTION, CONSTRAINT `purchases_digital_platforms_purchases` FOREIGN KEY (`digital_platform_id`) REFERENCES `digital_platforms` (`id`) ON DELETE NO ACTION, CONSTRAINT `purchases_recipients_purchases` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION);
-- Create index "purchases_invoice_code_key" to table: "purchases"
CREATE UNIQUE INDEX `purchases_invoice_code_key` ON `purchases` (`invoice_code`);
-- Create index "purchases_idempotency_key_key" to table: "purchases"
CREATE UNIQUE INDEX `purchases_idempotency_key_key` ON `purchases` (`idempotency_key`);
-- Create index "purchase_recipient_id" to table: "purchases"
CREATE INDEX `purchase_recipient_id` ON `purchases` (`recipient_id`);
-- Create "questions" table
CREATE TABLE `questions` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `test` text NOT NULL, `topic` text NOT NULL DEFAULT (''), `prompt_id` text NOT NULL, `prompt_en` text NOT NULL DEFAULT (''), `choices_id` json NOT NULL, `choices_en` json NULL, `answer` integer NOT NULL, `active` bool NOT NULL DEFAULT (true), `course_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `questions_courses_questions` FOREIGN KEY (`course_id`) REFERENCES `courses` (`id`) ON DELETE SET NULL);
-- Create "recipients" table
CREATE TABLE `recipients` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `nik` text NOT NULL, `kk_number` text NOT NULL, `mother_maiden_hash` blob NULL, `full_name` text NOT NULL, `birth_date` date NOT NULL, `birth_place` text NOT NULL DEFAULT (''), `gender` text NOT NULL, `area` text NOT NULL, `education` text NOT NULL, `employment` text NOT NULL, `has_disability` bool NOT NULL DEFAULT (false), `former_migrant_worker` bool NOT NULL DEFAULT (false), `had_financial_account` bool NOT NULL DEFAULT (false), `status` text NOT NULL DEFAULT ('registered'), `rejection_reason` text NULL, `card_number` text NULL, `training_balance` integer NOT NULL DEFAULT (0), `verified_at` datetime NULL, `accepted_at` datetime NULL, `first_purchase_at` datetime NULL, `revoked_at` datetime NULL, `revocation_reason` text NULL, `account_id` text NOT NULL, `regency_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `recipients_accounts_recipient` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE NO ACTION, CONSTRAINT `recipients_regencies_recipients` FOREIGN KEY (`regency_id`) REFERENCES `regencies` (`id`) ON DELETE NO ACTION);
-- Create index "recipients_nik_key" to table: "recipients"
CREATE UNIQUE INDEX `recipients_nik_key` ON `recipients` (`nik`);
-- Create index "recipients_card_number_key" to table: "recipients"
CREATE UNIQUE INDEX `recipients_card_number_key` ON `recipients` (`card_number`);
-- Create index "recipients_account_id_key" to table: "recipients"
CREATE UNIQUE INDEX `recipients_account_id_key` ON `recipients` (`account_id`);
-- Create index "recipient_regency_id" to table: "recipients"
CREATE INDEX `recipient_regency_id` ON `recipients` (`regency_id`);
-- Create index "recipient_status_accepted_at" to table: "recipients"
CREATE INDEX `recipient_status_accepted_at` ON `recipients` (`status`, `accepted_at`);
-- Create "regencies" table
CREATE TABLE `regencies` (`id` text NOT NULL, `code` text NOT NULL, `name` text NOT NULL, `kind` text NOT NULL, `province_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `regencies_provinces_regencies` FOREIGN KEY (`province_id`) REFERENCES `provinces` (`id`) ON DELETE NO ACTION);
-- Create index "regencies_code_key" to table: "regencies"
CREATE UNIQUE INDEX `regencies_code_key` ON `regencies` (`code`);
-- Create "registry_persons" table
CREATE TABLE `registry_persons` (`id` text NOT NULL, `nik` text NOT NULL, `kk_number` text NOT NULL, `full_name` text NOT NULL, `birth_date` date NOT NULL, `birth_place` text NOT NULL, `gender` text NOT NULL, `mother_maiden_name` text NOT NULL, `deceased` bool NOT NULL DEFAULT (false), `exclusions` json NULL, PRIMARY KEY (`id`));
-- Create index "registry_persons_nik_key" to table: "registry_persons"
CREATE UNIQUE INDEX `registry_persons_nik_key` ON `registry_persons` (`nik`);
-- Create "reviews" table
CREATE TABLE `reviews` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `rating` integer NOT NULL, `body` text NOT NULL DEFAULT (''), `course_id` text NOT NULL, `recipient_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `reviews_courses_reviews` FOREIGN KEY (`course_id`) REFERENCES `courses` (`id`) ON DELETE NO ACTION, CONSTRAINT `reviews_recipients_reviews` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION);
-- Create index "review_recipient_id" to table: "reviews"
CREATE INDEX `review_recipient_id` ON `reviews` (`recipient_id`);
-- Create index "review_recipient_id_course_id" to table: "reviews"
CREATE UNIQUE INDEX `review_recipient_id_course_id` ON `reviews` (`recipient_id`, `course_id`);
-- Create index "review_course_id" to table: "reviews"
CREATE INDEX `review_course_id` ON `reviews` (`course_id`);
-- Create "sessions" table
CREATE TABLE `sessions` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `token_hash` blob NOT NULL, `expires_at` datetime NOT NULL, `revoked_at` datetime NULL, `user_agent` text NOT NULL DEFAULT (''), `account_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `sessions_accounts_sessions` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE NO ACTION);
-- Create index "sessions_token_hash_key" to table: "sessions"
CREATE UNIQUE INDEX `sessions_token_hash_key` ON `sessions` (`token_hash`);
-- Create index "session_account_id" to table: "sessions"
CREATE INDEX `session_account_id` ON `sessions` (`account_id`);
-- Create "surveys" table
CREATE TABLE `surveys` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `code` text NOT NULL, `ordinal` integer NOT NULL, `title_id` text NOT NULL, `title_en` text NOT NULL DEFAULT (''), `description_id` text NOT NULL DEFAULT (''), `description_en` text NOT NULL DEFAULT (''), `incentive` integer NOT NULL DEFAULT (50000), `opens_after_days` integer NOT NULL, `window_days` integer NOT NULL, `active` bool NOT NULL DEFAULT (true), PRIMARY KEY (`id`));
-- Create index "surveys_code_key" to table: "surveys"
CREATE UNIQUE INDEX `surveys_code_key` ON `surveys` (`code`);
-- Create "survey_questions" table
CREATE TABLE `survey_questions` (`id` text NOT NULL, `key` text NOT NULL, `position` integer NOT NULL, `kind` text NOT NULL, `prompt_id` text NOT NULL, `prompt_en` text NOT NULL DEFAULT (''), `options` json NULL, `required` bool NOT NULL DEFAULT (true), `min` integer NULL, `max` integer NULL, `survey_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `survey_questions_surveys_questions` FOREIGN KEY (`survey_id`) REFERENCES `surveys` (`id`) ON DELETE NO ACTION);
-- Create index "surveyquestion_survey_id_key" to table: "survey_questions"
CREATE UNIQUE INDEX `surveyquestion_survey_id_key` ON `survey_questions` (`survey_id`, `key`);
-- Create "survey_responses" table
CREATE TABLE `survey_responses` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `client_id` text NOT NULL, `answers` json NOT NULL, `answered_at` datetime NOT NULL, `recipient_id` text NOT NULL, `survey_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `survey_responses_recipients_survey_responses` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION, CONSTRAINT `survey_responses_surveys_responses` FOREIGN KEY (`survey_id`) REFERENCES `surveys` (`id`) ON DELETE NO ACTION);
-- Create index "survey_responses_client_id_key" to table: "survey_responses"
CREATE UNIQUE INDEX `survey_responses_client_id_key` ON `survey_responses` (`client_id`);
-- Create index "surveyresponse_recipient_id" to table: "survey_responses"
CREATE INDEX `surveyresponse_recipient_id` ON `survey_responses` (`recipient_id`);
-- Create index "surveyresponse_recipient_id_survey_id" to table: "survey_responses"
CREATE UNIQUE INDEX `surveyresponse_recipient_id_survey_id` ON `survey_responses` (`recipient_id`, `survey_id`);
-- Create index "surveyresponse_survey_id" to table: "survey_responses"
CREATE INDEX `surveyresponse_survey_id` ON `survey_responses` (`survey_id`);
-- Create "test_attempts" table
CREATE TABLE `test_attempts` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `course_id` text NULL, `question_ids` json NOT NULL, `answers` json NULL, `deadline` datetime NOT NULL, `submitted_at` datetime NULL, `score` integer NULL, `passed` bool NULL, `recipient_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `test_attempts_recipients_test_attempts` FOREIGN KEY (`recipient_id`) REFERENCES `recipients` (`id`) ON DELETE NO ACTION);
-- Create index "testattempt_recipient_id" to table: "test_attempts"
CREATE INDEX `testattempt_recipient_id` ON `test_attempts` (`recipient_id`);
-- Create "training_institutions" table
CREATE TABLE `training_institutions` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `code` text NOT NULL, `name` text NOT NULL, `active` bool NOT NULL DEFAULT (true), `city` text NOT NULL DEFAULT (''), PRIMARY KEY (`id`));
-- Create index "training_institutions_code_key" to table: "training_institutions"
CREATE UNIQUE INDEX `training_institutions_code_key` ON `training_institutions` (`code`);
-- Create "vacancies" table
CREATE TABLE `vacancies` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `external_id` text NOT NULL, `title` text NOT NULL, `company` text NOT NULL, `education_min` text NOT NULL, `industry` text NOT NULL DEFAULT (''), `job_type` text NOT NULL, `salary_min` integer NULL, `salary_max` integer NULL, `skills` json NULL, `posted_at` datetime NOT NULL, `expires_at` datetime NULL, `job_portal_id` text NOT NULL, `regency_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `vacancies_job_portals_vacancies` FOREIGN KEY (`job_portal_id`) REFERENCES `job_portals` (`id`) ON DELETE NO ACTION, CONSTRAINT `vacancies_regencies_vacancies` FOREIGN KEY (`regency_id`) REFERENCES `regencies` (`id`) ON DELETE SET NULL);
-- Create index "vacancy_job_portal_id_external_id" to table: "vacancies"
CREATE UNIQUE INDEX `vacancy_job_portal_id_external_id` ON `vacancies` (`job_portal_id`, `external_id`);
-- Create index "vacancy_regency_id_posted_at" to table: "vacancies"
CREATE INDEX `vacancy_regency_id_posted_at` ON `vacancies` (`regency_id`, `posted_at`);
-- Create "waves" table
CREATE TABLE `waves` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `number` integer NOT NULL, `name` text NOT NULL, `opens_at` datetime NOT NULL, `closes_at` datetime NOT NULL, `status` text NOT NULL DEFAULT ('draft'), `quota` integer NOT NULL, `training_balance` integer NOT NULL DEFAULT (1000000), `commitment` text NULL, `seed` text NULL, `selected_at` datetime NULL, `announced_at` datetime NULL, PRIMARY KEY (`id`));
-- Create index "waves_number_key" to table: "waves"
CREATE UNIQUE INDEX `waves_number_key` ON `waves` (`number`);
-- Create "wave_quota" table
CREATE TABLE `wave_quota` (`id` text NOT NULL, `quota` integer NOT NULL, `province_id` text NOT NULL, `wave_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `wave_quota_provinces_wave_quotas` FOREIGN KEY (`province_id`) REFERENCES `provinces` (`id`) ON DELETE NO ACTION, CONSTRAINT `wave_quota_waves_quotas` FOREIGN KEY (`wave_id`) REFERENCES `waves` (`id`) ON DELETE NO ACTION);
-- Create index "wavequota_wave_id_province_id" to table: "wave_quota"
CREATE UNIQUE INDEX `wavequota_wave_id_province_id` ON `wave_quota` (`wave_id`, `province_id`);
-- Create "course_platforms" table
CREATE TABLE `course_platforms` (`course_id` text NOT NULL, `digital_platform_id` text NOT NULL, PRIMARY KEY (`course_id`, `digital_platform_id`), CONSTRAINT `course_platforms_course_id` FOREIGN KEY (`course_id`) REFERENCES `courses` (`id`) ON DELETE CASCADE, CONSTRAINT `course_platforms_digital_platform_id` FOREIGN KEY (`digital_platform_id`) REFERENCES `digital_platforms` (`id`) ON DELETE CASCADE);
