// Every GraphQL operation of the app, by name. Reads are sent as persisted
// queries (by hash), so their text crosses the network once per server.
const RECIPIENT = 'id status fullName cardNumber trainingBalance acceptedAt revokedAt revocationReason';

export const ME = `query Me{me{id phone role locale dataSaver displayName mutedKinds quietStartMinute quietEndMinute dailyPushCap recipient{${RECIPIENT}}}}`;

export const CAPS = 'query Caps{q:__type(name:"Query"){fields{name}}m:__type(name:"Mutation"){fields{name}}}';

export const HOME = `query Home{me{id displayName notifications(first:1,where:{readAtIsNil:true}){totalCount}recipient{${RECIPIENT} testAttempts(first:1,orderBy:[{field:CREATED_AT,direction:DESC}]){edges{node{id passed score submittedAt}}}applications(first:1,orderBy:[{field:CREATED_AT,direction:DESC}]){edges{node{id result{id status} wave{id number status closesAt resultsExpectedAt}}}}purchaseDeadline purchases(first:5,orderBy:[{field:CREATED_AT,direction:DESC}]){totalCount edges{node{id status progressPercent course{id title}certificate{id number postTestScore issuedAt qrPayload}}}}payouts(first:1,where:{statusIn:[scheduled,processing]},orderBy:[{field:SCHEDULED_FOR,direction:ASC}]){edges{node{id installment amount scheduledFor status}}}}}currentWave{id number status closesAt resultsExpectedAt}}`;

export const REQUEST_CODE = 'mutation RequestCode($phone:String!){requestSignInCode(phone:$phone){phone expiresAt retryAfterSeconds}}';
// (The account's recipient is read afterwards with the new token: the
// server's privacy rules do not show it to the anonymous signIn request.)
export const SIGN_IN = 'mutation SignIn($phone:String!,$code:String!){signIn(phone:$phone,code:$code){token expiresAt account{id phone role locale dataSaver displayName}}}';
export const SIGN_OUT = 'mutation SignOut{signOut}';
export const UPDATE_SETTINGS = 'mutation UpdateSettings($input:UpdateSettingsInput!){updateSettings(input:$input){id locale dataSaver displayName}}';

export const PROVINCES = 'query Provinces{provinces(first:100,orderBy:[{field:NAME}]){edges{node{id code name}}}}';
export const REGENCIES = 'query Regencies($p:ID!){regencies(first:100,where:{provinceID:$p},orderBy:[{field:NAME}]){edges{node{id code name}}}}';

export const REGISTER = `mutation Register($input:RegistrationInput!){register(input:$input){recipient{${RECIPIENT}}failures{rule message whatToDo}}}`;
export const VERIFICATION = `query Verification{me{id recipient{${RECIPIENT} rejectionReason verifiedAt verificationFailures{rule message whatToDo}}}}`;

const TEST = 'attempt{id deadline submittedAt score passed}questions{id prompt choices answer}secondsLeft passMark';
export const MY_TEST = `query MyTest{myAbilityTest{${TEST}}abilityTestRules{questions durationMinutes passMark retryAfterHours maxAttempts attemptsLeft retryOpensAt}me{id recipient{id status testAttempts(first:5,orderBy:[{field:CREATED_AT,direction:DESC}]){edges{node{id passed score submittedAt}}}}}}`;
export const START_TEST = `mutation StartTest{startAbilityTest{${TEST}}}`;
export const ANSWER_TEST = 'mutation AnswerTest($a:ID!,$q:ID!,$c:Int!){answerAbilityTest(attemptId:$a,questionId:$q,choice:$c){id answer}}';
export const SUBMIT_TEST = 'mutation SubmitTest($a:ID!){submitAbilityTest(attemptId:$a){id submittedAt score passed}}';

export const WAVES = `query Waves{currentWave{id number name status opensAt closesAt quota resultsExpectedAt}me{id recipient{${RECIPIENT} testAttempts(first:5){edges{node{id passed}}}applications(first:10,orderBy:[{field:CREATED_AT,direction:DESC}]){edges{node{id result{id status rank exclusionReason decidedAt} wave{id number name status resultsExpectedAt}}}}}}}`;
export const JOIN_WAVE = 'mutation JoinWave($w:ID!){joinWave(waveId:$w){id result{id status} wave{id number}}}';

// The catalogue: ranked search with filters (searchCourses), a course with
// its reviews (paged), buying, and the recipient's purchases.
const CARD = 'id title category method price durationHours ratingAverage ratingCount institution{name}';
export const SEARCH = `query Search($q:String,$f:CourseSearchFilter,$s:CourseSort,$first:Int,$after:Cursor){searchCourses(query:$q,filter:$f,sort:$s,first:$first,after:$after){totalCount pageInfo{hasNextPage endCursor}edges{node{${CARD}}}}}`;
export const PLATFORMS = 'query Platforms{digitalPlatforms(first:20,where:{active:true}){edges{node{id name}}}}';
const REVIEWS = 'reviews(first:$first,after:$after,orderBy:[{field:CREATED_AT,direction:DESC}]){totalCount pageInfo{hasNextPage endCursor}edges{node{id rating body createdAt}}}';
export const COURSE = `query Course($id:ID!,$first:Int,$after:Cursor){node(id:$id){id ...on Course{title description outline tags instructor category method price durationHours ratingAverage ratingCount purchaseCount status institution{name city}platforms{id name url}${REVIEWS}}}}`;
export const COURSE_REVIEWS = `query CourseReviews($id:ID!,$first:Int,$after:Cursor){node(id:$id){id ...on Course{${REVIEWS}}}}`;
export const BALANCE = 'query Balance{me{id recipient{id status trainingBalance purchaseDeadline}}}';
const PURCHASE_F = 'id status price progressPercent completedAt invoiceCode redemptionCode redeemUrl cancellable createdAt course{id title}platform{id name url}';
// The purchase's page is read afterwards (PURCHASE): the answer stays small.
export const BUY = 'mutation Buy($c:ID!,$p:ID!,$k:String!){purchaseCourse(courseId:$c,platformId:$p,clientId:$k){id status}}';
export const PURCHASE = `query Purchase($id:ID!){node(id:$id){id ...on Purchase{${PURCHASE_F}}}}`;
export const CANCEL = 'mutation CancelPurchase($id:ID!){cancelPurchase(purchaseId:$id){id status cancellable cancelledAt}}';
export const REVIEW = 'mutation WriteReview($p:ID!,$r:Int!,$b:String){writeReview(purchaseId:$p,rating:$r,body:$b){id rating body hiddenAt hiddenReason}}';

const CERT = 'certificate{id number postTestScore issuedAt qrPayload revokedAt}';
export const TRAININGS = `query Trainings{me{id recipient{id trainingBalance purchaseDeadline purchases(first:50,orderBy:[{field:CREATED_AT,direction:DESC}]){edges{node{${PURCHASE_F} ${CERT} review{id rating body hiddenAt hiddenReason}}}}}}}`;

export const INCENTIVES = 'query Incentives{me{id recipient{id status linkedAccounts(first:10){edges{node{id accountMasked kycStatus primary partner{name kind}}}}payouts(first:20,orderBy:[{field:SCHEDULED_FOR,direction:ASC}]){edges{node{id kind installment amount scheduledFor status sentAt failureReason}}}}}}';

export const VACANCIES = 'query Vacancies($first:Int,$after:Cursor,$where:VacancyWhereInput){vacancies(first:$first,after:$after,where:$where,orderBy:[{field:POSTED_AT,direction:DESC}]){totalCount pageInfo{hasNextPage endCursor}edges{node{id title company industry jobType educationMin salaryMin salaryMax postedAt regency{name}}}}}';
export const VACANCY = 'query Vacancy($id:ID!){node(id:$id){id ...on Vacancy{title company industry jobType educationMin salaryMin salaryMax skills postedAt expiresAt regency{name}portal{name url}}}}';

export const INBOX = 'query Inbox($first:Int,$after:Cursor){me{id notifications(first:$first,after:$after,orderBy:[{field:CREATED_AT,direction:DESC}]){totalCount pageInfo{hasNextPage endCursor}edges{node{id kind title body link readAt createdAt}}}}}';
export const MARK_READ = 'mutation MarkRead($ids:[ID!]!){markNotificationsRead(ids:$ids){id readAt}}';
export const MARK_ALL_READ = 'mutation MarkAllRead{markAllNotificationsRead}';

// One query for the list and every form, so a survey seen in the list can
// be answered offline.
export const SURVEYS = 'query Surveys{mySurveys{survey{id code titleID titleEn questions{id key position kind promptID promptEn options{value labelId labelEn}required min max}}opensAt closesAt status response{id}}}';
export const SUBMIT_SURVEY = 'mutation SubmitSurvey($input:SubmitSurveyResponseInput!){submitSurveyResponse(input:$input){id}}';

export const PUSH_KEY = 'query PushKey{webPushPublicKey}';
export const UPDATE_PREFS = 'mutation UpdatePrefs($input:UpdateNotificationPreferencesInput!){updateNotificationPreferences(input:$input){id mutedKinds quietStartMinute quietEndMinute dailyPushCap}}';
export const REGISTER_DEVICE = 'mutation RegisterDevice($input:RegisterDeviceInput!){registerDevice(input:$input){id}}';

export const COMPLAINT = 'mutation SubmitComplaint($input:SubmitComplaintInput!){submitComplaint(input:$input){id}}';
