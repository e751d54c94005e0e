import type { MenuAction, MethodName } from './contract.js';

/*
 * The IPC surface shared by the preload and the main process, without zod: the preload is bundled
 * on its own and would otherwise carry the whole schema library (772 KB) just to learn these names.
 * Only types come from the contract. A contract method missing here fails `tsc` (see `complete`
 * below) and test/electron/ipcChannels.test.ts.
 */

/** Every contract method, in the contract's order. */
export const METHOD_NAMES = [
  'getAppInfo', 'backupDatabase', 'restoreDatabase', 'listProfiles', 'createProfile', 'getSettings', 'updateSettings',
  'setContentFolder', 'pickContentFolder', 'savePageAsPdf', 'listArticles', 'getArticle', 'listRoles', 'getRole',
  'listProblems', 'search', 'searchStatus', 'listTracks', 'getProgress', 'completeStep', 'uncompleteStep', 'getQuiz',
  'submitQuiz', 'requestSignoff', 'signOff', 'getDashboard', 'exportProgress', 'importProgress', 'setBookmark',
  'recordView', 'getReadingList', 'openEditSession', 'closeEditSession', 'listTemplates', 'getArticleSource',
  'previewMarkdown', 'saveArticle', 'renameArticle', 'deleteContent', 'listTrash', 'restoreFromTrash', 'saveAsset',
  'getTrackSource', 'saveTrack', 'listQuizzes', 'getQuizSource', 'saveQuiz', 'getContentHealth', 'exportPack',
  'uploadPackChunk', 'previewPackImport', 'applyPackImport', 'listPackBackups', 'restorePackBackup', 'openProfileSession',
  'setPassphrase', 'deleteProfile', 'getTeamStatus', 'syncTeam', 'joinTeam', 'listTeamChanges', 'markTeamChangesSeen',
  'getTeamConflict', 'resolveTeamConflict',
  'publishTeam', 'getTeamPublishing', 'setTeamPublishing', 'listTeamReviews', 'mergeTeamReview',
  'listTeamRoster', 'adoptTeamProfile',
  'listMyAcknowledgements', 'confirmAcknowledgement', 'getAcknowledgementPolicy', 'setAcknowledgementPolicy',
  'getAcknowledgementReport', 'exportAcknowledgements', 'verifyArticle', 'getReviewQueue',
  'startQuizAttempt', 'getMistakes', 'answerPractice',
  'getRecognition', 'giveRecognition', 'getTeamBoard', 'setTeamBoard', 'getCharts',
] as const satisfies readonly MethodName[];

// A method added to the contract but not above is a type error here, naming the method.
type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

/** The channel a contract method is invoked on. */
export const channelOf = (method: string) => `handbook:${method}`;

/** Main → page: the application menu asks the page to do something (see MenuAction). */
export const MENU_CHANNEL = 'handbook-menu';

/** Every menu action; the preload forwards nothing else to the page. */
export const MENU_ACTIONS = ['home', 'library', 'search', 'onboarding', 'settings', 'back', 'forward', 'find', 'shortcuts'] as const satisfies readonly MenuAction[];
type MissingAction = Exclude<MenuAction, (typeof MENU_ACTIONS)[number]>;
const allActions: [MissingAction] extends [never] ? true : MissingAction = true;
void allActions;
