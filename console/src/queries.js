// The console's GraphQL operations, by screen.
export const ME = 'query ConsoleMe{me{id phone role displayName locale}consoleSections{id title}}';
export const REQUEST_CODE = 'mutation RequestCode($phone:String!){requestSignInCode(phone:$phone){phone expiresAt retryAfterSeconds}}';
export const SIGN_IN = 'mutation SignIn($phone:String!,$code:String!){signIn(phone:$phone,code:$code){token expiresAt account{id phone role locale displayName}}}';
export const SIGN_OUT = 'mutation SignOut{signOut}';
export const SET_LOCALE = 'mutation SetLocale($input:UpdateSettingsInput!){updateSettings(input:$input){id locale}}';

const PAGE = 'totalCount pageInfo{hasNextPage endCursor}';
const WAVE = 'id number name status opensAt closesAt quota trainingBalance commitment selectedAt announcedAt';
export const WAVES = `query Waves($after:Cursor){waves(first:25,after:$after,orderBy:[{field:NUMBER,direction:DESC}]){${PAGE} edges{node{${WAVE} applications{totalCount}}}}}`;
export const PROVINCES = 'query Provinces{provinces(first:100,orderBy:[{field:CODE}]){edges{node{id code name}}}}';
export const SUGGEST = 'query SuggestQuotas($size:Int!){suggestWaveQuotas(size:$size){provinceCode provinceName applicants quota}}';
export const CREATE_WAVE = `mutation CreateWave($input:CreateWaveInput!){createWave(input:$input){${WAVE}}}`;
export const WAVE_PAGE = `query WavePage($id:ID!){node(id:$id){...on Wave{${WAVE} resultsExpectedAt quotas{quota province{code name}} applications{totalCount}}}}`;
export const WAVE_PHASES = 'query WavePhases($id:ID!){node(id:$id){...on Wave{id phases{name label at durationMs rows}verifyCommand}}}';
export const WAVE_SELECTION = 'query WaveSelection($id:ID!){waveSelection(waveId:$id){commitment seed applicants selected excluded applicantsUrl resultsUrl}}';
export const OPEN_WAVE = `mutation OpenWave($id:ID!){openWave(waveId:$id){${WAVE}}}`;
export const CLOSE_WAVE = `mutation CloseWave($id:ID!){closeWave(waveId:$id){${WAVE}}}`;
export const RUN_SELECTION = 'mutation RunSelection($id:ID!){runSelection(waveId:$id){commitment seed applicants selected excluded applicantsUrl resultsUrl}}';

const RECIPIENT = 'id fullName status cardNumber nikMasked trainingBalance verifiedAt acceptedAt revokedAt revocationReason account{id phone}regency{name}';
export const FIND_RECIPIENTS = `query FindRecipients($q:String!,$reason:String){findRecipients(query:$q,reason:$reason){${RECIPIENT}}}`;
export const RECIPIENT_PAGE = `query RecipientPage($id:ID!){node(id:$id){...on Recipient{${RECIPIENT} birthDate gender education employment area rejectionReason createdAt
identityChecks(first:20){edges{node{id registry outcome createdAt}}}
testAttempts(first:20,orderBy:[{field:CREATED_AT,direction:DESC}]){edges{node{id kind score passed submittedAt createdAt}}}
applications(first:20,orderBy:[{field:CREATED_AT,direction:DESC}]){edges{node{id createdAt wave{id number name status}result{status rank exclusionReason}}}}
purchases(first:50,orderBy:[{field:CREATED_AT,direction:DESC}]){edges{node{id createdAt invoiceCode price status progressPercent course{title}platform{name}}}}
payouts(first:50,orderBy:[{field:SCHEDULED_FOR,direction:ASC}]){edges{node{id kind installment amount scheduledFor status sentAt failureReason}}}
account{id phone notifications(first:30,orderBy:[{field:CREATED_AT,direction:DESC}]){totalCount edges{node{id createdAt kind title readAt pushStatus}}}
complaints(first:30,orderBy:[{field:CREATED_AT,direction:DESC}]){edges{node{id createdAt category subject status closedAt}}}}}}}`;
export const REVEAL = 'mutation RevealIdentity($id:ID!,$reason:String!){revealRecipientIdentity(recipientId:$id,reason:$reason){nik kkNumber}}';
export const REVOKE = `mutation RevokeRecipient($id:ID!,$reason:String!){revokeRecipient(recipientId:$id,reason:$reason){${RECIPIENT}}}`;

const ORG = 'id code name active operators{id phone displayName role}';
// One kind a page: operators is a bounded list, so 25 organisations with
// their operators stay within the API's cost limit.
const orgs = (name, list) => `query ${name}($after:Cursor){${list}(first:25,after:$after){${PAGE} edges{node{${ORG}}}}}`;
export const PARTNERS_TI = orgs('PartnersInstitutions', 'trainingInstitutions');
export const PARTNERS_DP = orgs('PartnersPlatforms', 'digitalPlatforms');
export const PARTNERS_PP = orgs('PartnersPayment', 'paymentPartners');
export const PARTNERS_JP = orgs('PartnersJobPortals', 'jobPortals');
export const CREATE_OPERATOR = 'mutation CreateOperator($input:CreatePartnerAccountInput!){createPartnerAccount(input:$input){id phone displayName role}}';

const KEY = 'id prefix label scopes createdAt lastUsedAt revokedAt account{id phone displayName role}';
export const KEYS = `query Keys{apiKeys(includeRevoked:true){${KEY}}me{id role}}`;
export const SCOPES = 'query Scopes($kind:PartnerKind){partnerScopes(kind:$kind){name description operations}}';
export const KEY_ACCOUNTS = 'query KeyAccounts{me{id role displayName phone trainingInstitutionID digitalPlatformID paymentPartnerID jobPortalID}}';
export const PARTNER_ACCOUNTS = 'query PartnerAccounts($role:AccountRole!){accounts(first:100,where:{role:$role}){edges{node{id phone displayName role}}}}';
export const CREATE_KEY = `mutation CreateKey($account:ID!,$label:String!,$scopes:[String!]!){createAPIKey(accountId:$account,label:$label,scopes:$scopes){key prefix apiKey{${KEY}}}}`;
export const ROTATE_KEY = `mutation RotateKey($prefix:String!){rotateAPIKey(prefix:$prefix){key prefix apiKey{${KEY}}}}`;
export const REVOKE_KEY = 'mutation RevokeKey($prefix:String!){revokeAPIKey(prefix:$prefix)}';
export const CALLS = `query Calls($after:Cursor,$where:PartnerCallWhereInput){partnerCalls(first:50,after:$after,where:$where,orderBy:{field:CREATED_AT,direction:DESC}){${PAGE} edges{node{id createdAt apiKeyPrefix operation status errorMessage durationMs}}}}`;
export const DOCS = 'query Docs($kind:PartnerKind){partnerAPIDocs(kind:$kind){name scope description document variables}}';

export const ACCOUNT_BY_PHONE = 'query AccountByPhone($phone:String!){accounts(first:1,where:{phone:$phone}){edges{node{id phone displayName role}}}}';
export const AUDIT = `query Audit($after:Cursor,$where:AuditLogWhereInput){auditLogs(first:50,after:$after,where:$where,orderBy:[{field:CREATED_AT,direction:DESC}]){${PAGE} edges{node{id createdAt actorID actorRole action targetType targetID reason actor{id phone displayName}}}}}`;

export const PAYOUTS = `query Payouts($after:Cursor){payouts(first:50,after:$after,orderBy:[{field:SCHEDULED_FOR,direction:DESC}]){${PAGE} edges{node{id kind installment amount scheduledFor status sentAt reference recipientID partner{name}}}}}`;
export const PURCHASES = `query Purchases($after:Cursor){purchases(first:50,after:$after,orderBy:[{field:CREATED_AT,direction:DESC}]){${PAGE} edges{node{id createdAt invoiceCode price status progressPercent course{title}platform{name}}}}}`;
export const COURSES = `query Courses($after:Cursor){courses(first:50,after:$after){${PAGE} edges{node{id title category method price durationHours purchaseCount ratingAverage status institution{name}}}}}`;
export const VACANCIES = `query Vacancies($after:Cursor){vacancies(first:50,after:$after,orderBy:[{field:POSTED_AT,direction:DESC}]){${PAGE} edges{node{id title company industry jobType postedAt expiresAt portal{name}}}}}`;

const ASSESSMENT = 'id createdAt kind passed met total reasonTexts notes';
export const CURATION_LIST = `query CurationList($after:Cursor,$status:CourseStatus!){courses(first:50,after:$after,where:{status:$status},orderBy:[{field:CREATED_AT,direction:DESC}]){${PAGE} edges{node{id title price durationHours status institution{name}}}}}`;
export const CURATION_COURSE = `query CurationCourse($id:ID!){node(id:$id){...on Course{id title description outline price durationHours instructor status institution{name} assessments{${ASSESSMENT}} reviews(first:50){edges{node{id createdAt rating body hiddenAt hiddenReason}}}}}}`;
export const INDICATORS = 'query Indicators($kind:CurationKind!){curationIndicators(kind:$kind){code group groupLabel label}}';
export const ASSESS = `mutation Assess($id:ID!,$scores:[IndicatorScoreInput!]!,$notes:String){assessCourse(courseId:$id,scores:$scores,notes:$notes){${ASSESSMENT}}}`;
export const MONITOR = `mutation Monitor($id:ID!,$scores:[IndicatorScoreInput!]!,$notes:String){monitorCourse(courseId:$id,scores:$scores,notes:$notes){${ASSESSMENT}}}`;
export const HIDE_REVIEW = 'mutation HideReview($id:ID!,$reason:String!){hideReview(reviewId:$id,reason:$reason){id hiddenAt hiddenReason}}';
