// Package push owns notifications: turning program events (selection
// results, revocation warnings, payouts, surveys, job matches, complaint
// replies) into inbox entries, and delivering them to the account's phones
// and browsers through Firebase Cloud Messaging and Web Push.
//
// # Producing
//
// A producer builds Events with the constructors in events.go and calls
// Service.Notify with the transaction that caused them:
//
//	_, err := pushSvc.Notify(ctx, tx, push.PayoutSent(accountID, push.Payout{...}))
//
// Notify writes the notifications (text in the account's language) and
// their delivery jobs in that transaction: the transactional outbox. A wave
// announcement queues one fan-out job (FanOutWaveResultsTx) that pages
// through the wave's decided applications. Producers without a transaction
// use NotifyNow.
//
// # Delivering
//
// Delivery runs on river (a job queue in the same store: SQLite or
// PostgreSQL). A delivery job holds up to 500 notifications and works in
// three steps: claim (preferences applied; the notifications to send get
// pushed_at while still pending; committed), send (one FCM SendEach call,
// Web Push requests in parallel, paced by a token bucket), record (sent or
// failed, dead devices disabled, a follow-up job for 429/5xx answers,
// and the job's completion, in one transaction).
//
// # Guarantees
//
//   - One notification per (account, event key), ever: a repeated event is
//     dropped, in the same call, across calls and across concurrent
//     transactions (unique index, insert ... on conflict do nothing).
//   - Nothing committed is lost: a notification and its delivery job commit
//     together, and a job whose worker died runs again (after RescueAfter).
//     Every notification ends sent, failed, suppressed or no_device, and
//     stays in the inbox whatever its push status.
//   - A wave fan-out notifies each decided applicant once: each page's
//     notifications, jobs and cursor commit together; after a crash the job
//     resumes after the last committed page.
//   - No two live workers send the same notification at once: a claim is a
//     lease of JobTimeout on the pushed_at column.
//   - A message is sent to each active device once, except after a crash
//     between FCM's acceptance and the record step: the notifications of the
//     batches in flight (at most Workers × BatchSize) are sent again once the
//     lease has run out. No protocol can close that window (FCM's v1 API has
//     no idempotency key), so every repeat is the same message: the same
//     notification_id in its data, the same Android tag and collapse key, the
//     same Web Push Topic and tag. Android and browsers replace a shown
//     notification that has the same tag, FCM keeps one of the pending
//     messages that share a collapse key, and apps drop a notification_id
//     they have shown: the recipient sees it once. The Firebase SDK's own
//     resend of a request that failed at the network level has the same
//     property.
//   - 429 and 5xx answers are retried with only the failed messages, after
//     max(Retry-After, exponential backoff), up to MaxRounds; a Retry-After
//     also pauses every sender of the process. UNREGISTERED and
//     INVALID_ARGUMENT tokens (404/410 for Web Push) are disabled and never
//     used again.
//   - Preferences: muted kinds, the daily cap and expired notifications are
//     suppressed (inbox only); quiet hours in the recipient's province time
//     zone (WIB, WITA, WIT) defer delivery to their end. Selection results
//     and failed payouts ignore mutes and the cap. The cap is counted from
//     the store when a batch is claimed, so two batches for one account
//     claimed at the same moment can exceed it by their overlap.
package push
