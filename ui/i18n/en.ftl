# DLIS Learn — interface texts, English (the reference; other languages fall back to it).

app-name = DLIS Learn
skip-to-content = Skip to content
nav-label = Main
nav-catalogue = Modules
nav-install = Install a module
nav-settings = Settings
nav-profiles = Learners
signed-in-as = Learner: { $name }
switch-learner = Switch learner
signed-out = You have left your profile. The next person can choose theirs.
breadcrumbs = You are here
back-to-catalogue = Back to the modules
back-to-module = Back to the module
activity-navigation = Next steps
next-activity = Next: { $title }
ok = OK
cancel = Cancel
close = Close
save = Save
copy = Copy
never = Never
version = Version { $version }
table = Table { $n }
quoted = “{ $text }”
drop-here = Drop the module file (.zip) to install it

## Errors
error-title = Something went wrong
error-wrong-pin = This PIN is not right. Please try again.
error-bad-pin = A PIN is 4 to 12 digits (numbers only).
error-pin-mismatch = The two PINs are not the same. Please type the same PIN twice.
error-empty-name = Please enter a name.
error-name-too-long = This name is too long (80 characters at most).
error-name-control = A name can hold letters, digits, spaces and punctuation, but no invisible control characters.
error-language = This language is not recognised.
error-unreachable = The institution's server could not be reached (no internet connection, or the server is busy). Your records are kept safely and will be sent later.
error-credentials = The institution's server refused the user name or password. Please check them with your institution.
error-no-institution = No institution is set up yet.
error-no-attempts = You have no attempts left for this quiz.
error-older = A newer version of this module is already installed. Nothing was installed.
error-same-version-differs = This version is already installed, but the file is different. Nothing was installed; ask the module's author for a new version number.
error-no-activity = This activity does not exist in the module.
error-required = Please fill in this field.
error-not-installed = This module is not installed on this computer (any more).
error-trainer-only = This needs the trainer PIN.
error-identifier = This identifier is not written as your institution writes it: check it (no spaces) and try again.
error-pin-locked = Too many wrong PINs: this PIN is locked for a while, and each new wrong PIN locks it for longer. Please wait, then try again.
error-password-needed = Please type the password: a saved password is only used for the server address and user name it was given for.
error-signer-changed = The installed module was signed by a trusted organisation, and this file is not signed with the same key. Nothing was installed.

## Profiles
profiles-title = Who is learning?
profiles-lead = Each learner has their own profile on this computer, so that everyone's progress is kept apart.
profiles-choose = Choose your profile
profiles-none = There is no profile on this computer yet. Create yours to begin.
profile-has-pin = Protected by a PIN
profile-new = Create a new profile
profile-name = Your name
profile-name-hint = Only shown on this computer. It is never sent to anyone.
profile-language = Preferred language
profile-language-hint = Modules are shown in this language when they exist in it.
pin-optional = PIN (optional)
pin-hint = 4 to 12 digits. A PIN stops others from opening your profile on a shared computer.
pin-confirm = Type the PIN again
pin-label = PIN
pin-new = New PIN
pin-title = PIN
pin-is-set = Your profile is protected by a PIN.
pin-not-set = Your profile has no PIN: anyone using this computer can open it.
pin-set = Set the PIN
pin-change = Change the PIN
pin-remove = Remove the PIN
pin-saved = Your PIN has been saved.
pin-removed = Your PIN has been removed.
pin-prompt-title = PIN for { $name }
profile-create = Create my profile
profile-created = Welcome, { $name }! Your profile is ready.
open-profile = Open
welcome = Welcome, { $name }!
interface-language = Interface language

## Catalogue
catalogue-title = Your modules
catalogue-lead = { $count ->
    [0] No module is installed yet.
    [one] One module is installed on this computer.
   *[other] { $count } modules are installed on this computer.
}
catalogue-empty = Install a module to start learning. A trainer usually gives you the module as a .zip file.
module-languages = Languages
content-language-fallback = This module is not available in { $wanted }: it is shown in { $shown }. You can choose another of its languages.
content-language-label = Language of this module
module-duration = Estimated time
module-organisation = Organisation
module-version = Version
minutes = { $minutes ->
    [one] about 1 minute
   *[other] about { $minutes } minutes
}
progress-label = Progress in { $title }
activities-done = { $done } of { $total } { $total ->
    [one] activity
   *[other] activities
} done
completed = Completed
verified-by = Verified by { $organisation }
unsigned = Unsigned
signed-unknown = Signed by an unknown organisation
resume = Resume
start = Start

## Module
objectives = What you will learn
activities = Activities
module-progress = Your progress
module-completed = Module completed
module-completed-on = Completed on { $date }.
completion-rule-intro = To complete this module:
rule-lessons = read every lesson to the end;
rule-videos = watch at least { $percent } % of each video capsule;
rule-quizzes = pass every quiz.
status-not-started = Not started
status-in-progress = In progress
status-done = Done
kind-lesson = Lesson
kind-video = Video capsule
kind-quiz = Quiz
video-watched-percent = Watched: { $percent }
quiz-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
}
quiz-best = best score { $score }

## Lesson
text-size = Text size
text-smaller = Smaller text
text-larger = Larger text
text-size-now = Text size: { $size } %
mark-as-read = Mark as read
lesson-is-read = You have read this lesson.
lesson-not-read = Scroll to the end of the lesson, or mark it as read.
lesson-marked-read = Lesson marked as read.
lesson-reached-end = You reached the end of the lesson. It is marked as read.
link-inside-module = This link points to a file of the module that cannot be opened here.
external-link-title = A link to a web site
external-link-text = This link leads to a web site outside DLIS Learn. To visit it, copy the address and paste it into your web browser.
external-mail-text = This is an e-mail address. To write to it, copy it into your e-mail program.
external-link-address = Address
external-link-copied = The address has been copied.

## Video
video-label = Video: { $title }
video-controls = Video controls
video-play = Play
video-pause = Pause
video-back = Back { $seconds } s
video-forward = Forward { $seconds } s
video-speed = Speed
video-speed-now = Speed: { $speed } times
subtitles = Subtitles
subtitles-off = Off
transcript = Transcript
transcript-missing = No transcript is available for this capsule.
video-resuming = Resuming where you stopped, at { $time }.
video-start-over = Start from the beginning
video-from-start = Playing from the beginning.
video-completed = Watched: { $percent }. This capsule is done.
video-at = At { $time }
video-muted = Sound off
video-unmuted = Sound on
video-error = The video cannot be played. The module may need to be installed again.
video-keys-title = Keyboard shortcuts
video-key-play = Space or K: play or pause
video-key-seek = Left and right arrows: back or forward 5 seconds
video-key-jump = J and L: back or forward 10 seconds; Home and End: start and end
video-key-mute = M: sound on or off
video-key-captions = C: subtitles on or off
video-key-speed = < and >: slower or faster

## Quiz
quiz-before-you-start = Before you start
quiz-question-count = { $count ->
    [one] 1 question
   *[other] { $count } questions
}
quiz-pass-mark = Pass mark: { $percent } %
quiz-max-attempts = { $count ->
    [one] 1 attempt allowed
   *[other] { $count } attempts allowed
}
quiz-unlimited = As many attempts as you like
quiz-feedback-immediate = You see whether you are right after each answer.
quiz-feedback-end = You see your results once you have answered every question.
quiz-status-passed = You passed this quiz (best score: { $score }).
quiz-status-not-passed = { $count ->
    [one] You have made 1 attempt (best score: { $score }).
   *[other] You have made { $count } attempts (best score: { $score }).
}
quiz-attempts-left = { $count ->
    [0] No attempts left.
    [one] 1 attempt left.
   *[other] { $count } attempts left.
}
quiz-attempt-number = Attempt { $n }
quiz-no-attempts-left = You have used every attempt at this quiz.
quiz-start = Start the quiz
quiz-continue = Continue where you stopped
quiz-retry = Try again
quiz-progress = Progress in the quiz
question-of = Question { $n } of { $total }
question-image = Illustration for the question
quiz-confirm = Confirm my answer
quiz-next = Next question
quiz-finish = Finish
quiz-answer-saved = Answer saved.
quiz-choose-one = Please choose an answer.
quiz-choose-some = Please choose at least one answer.
quiz-choose-all = Choose every answer that applies.
quiz-type-answer = Please type your answer.
quiz-match-hint = For each item, choose the one that goes with it.
quiz-match-choose = Choose…
quiz-match-missing = Please choose a match for every item.
quiz-order-hint = Put the items in the right order with the “up” and “down” buttons.
move-up = Move up: { $item }
move-down = Move down: { $item }
moved-to = { $item }: now in position { $position } of { $total }.
true = True
false = False
your-answer = Your answer
not-answered = Not answered
feedback-correct = Correct.
feedback-incorrect = Not correct.
feedback-partly = Partly correct.
points = ({ $score } of { $max } { $max ->
    [one] point
   *[other] points
})
quiz-all-answered = You have answered every question
quiz-submit-text = Send your answers to see your score. You cannot change them afterwards.
quiz-submit = See my result
quiz-passed = Well done: you passed!
quiz-failed = Not passed this time
quiz-score-detail = { $score } of { $max } { $max ->
    [one] point
   *[other] points
}. The pass mark is { $mark } %.
quiz-review = Your answers

## Install
install-title = Install a module
install-lead = Modules come as a .zip file, for example on a USB stick or by e-mail.
install-how = Choose the module file on this computer.
install-choose = Choose a module file…
install-drop-hint = You can also drag the file onto this window.
install-filter-name = DLIS Learn module
install-checking = Checking the file…
install-invalid-title = This file cannot be installed
install-invalid-text = It is not a complete, valid DLIS Learn module: it may be damaged or incomplete. Nothing was installed. Ask the person who gave it to you for a new copy.
install-problems = { $count ->
    [one] Details of the problem (for your trainer)
   *[other] Details of the { $count } problems (for your trainer)
}
install-new = This module is not installed yet.
install-do = Install
install-upgrade = Version { $from } of this module is installed. This file holds version { $to }, which is newer. Your progress is kept.
install-upgrade-do = Update the module
install-older = A newer version ({ $installed }) of this module is installed. This file holds an older version ({ $offered }). You usually do not need it.
install-keep-current = Keep the newer version
install-downgrade = Install the older version anyway
install-same = Version { $version } of this module is already installed.
install-again = Check and install again
install-starting = Getting ready…
install-running = Installing the module…
install-progress = Installation progress
phase-copying = Copying the file…
phase-verifying = Checking every file of the module…
phase-hashing = Checking the files…
phase-packing = Packing…
install-success-title = The module is ready
install-done = Version { $version } has been installed.
install-upgraded = The module has been updated from version { $from } to { $to }.
install-replaced = Version { $from } has been replaced by version { $to }.
install-unchanged = This exact module was already installed. Nothing needed to change.
install-open = Open the module
install-another = Install another module
install-failed = The module was not installed

## Settings
settings-title = Settings
settings-display = Display
settings-language-follow = The learner's preferred language
settings-language-hint = By default, the interface uses the preferred language of the learner who is using it.
settings-high-contrast = High contrast (light text on a dark background)
settings-reduce-motion = Reduce motion
settings-reduce-motion-hint = Animations are already reduced when your computer asks for it.
settings-theme = Colours of my profile
settings-theme-hint = Following the computer uses its light or dark mode and its contrast setting, as they change.
theme-system = Follow the computer
theme-light = Light
theme-dark = Dark
theme-contrast = High contrast
settings-idle-lock = Lock the profile after this time without activity
settings-idle-lock-hint = On a shared computer, a profile left open goes back to the list of learners by itself, and a profile with a PIN asks for it again.
idle-minutes = { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}
idle-never = Never
idle-warning = No activity for a while: this profile will be locked in { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
}.
idle-stay = Stay signed in
idle-locked = The profile was locked after { $minutes } minutes without activity.
settings-saved = Saved.
settings-profile = Profile of { $name }
delete-profile = Delete this profile
delete-profile-hint = Deleting a profile removes all its progress from this computer. Records already sent to your institution are not affected.
delete-profile-title = Delete the profile of { $name }?
delete-profile-text = All the progress of this profile on this computer will be lost. This cannot be undone.
delete-profile-confirm = Delete the profile
profile-deleted = The profile has been deleted.
settings-records = Records
records-lead = Your progress can be sent to your institution, so that your trainer can follow it. Only a pseudonymous number is sent, never your name.
institution-title = Institution
institution-lead = Your trainer gives you these details.
institution-name = Name of the institution
institution-home = Web address of the institution
institution-home-hint = Used to identify learners' accounts, for example https://example.org
institution-endpoint = Address of the records server (LRS)
institution-endpoint-hint = For example https://lrs.example.org/xapi/
institution-user = User name
institution-password = Password
institution-identifier-label = What learners may link their profile to (optional)
institution-identifier-label-hint = For example “student number”. Leave empty: every profile stays pseudonymous. Learners decide, after a consent screen.
institution-identifier-pattern = How it is written (optional)
institution-identifier-pattern-hint = A regular expression the whole identifier must match, for example [0-9]{"{"}8{"}"} for eight digits.
institution-password-keep = Leave empty to keep the current password (only while the server address and user name stay the same).
sync-title = Sending the records
sync-pending = Waiting to be sent
sync-sent = Already sent
sync-last-success = Last successful sending
sync-last-error = Last problem
sync-rejected = { $count ->
    [one] 1 record was refused by the server
   *[other] { $count } records were refused by the server
}
sync-now = Send now
sync-sending = Sending…
sync-done = { $pending ->
    [0] Everything has been sent.
    [one] Sent. 1 record is still waiting.
   *[other] Sent. { $pending } records are still waiting.
}
sync-needs-institution = Set up the institution above to send records.
export-title = Export
export-lead = Without an internet connection, you can save the records in a file and give it to your trainer.
export-records = Export records…
export-filter-name = DLIS Learn export
export-writing = Writing the file…
export-done = { $count ->
    [one] 1 record was written to { $path }.
   *[other] { $count } records were written to { $path }.
}
settings-about = About
about-version = Version of DLIS Learn
about-data = Where the data is kept

## Damaged progress database
damaged-title = Your progress cannot be opened
damaged-text = The file where DLIS Learn keeps everyone's progress on this computer is damaged or comes from a newer version of DLIS Learn. Nothing has been changed or deleted.
damaged-details = Technical details
damaged-what-now = What you can do
damaged-option-help = Ask your trainer or your institution's IT support for help: they may be able to repair the file.
damaged-option-fresh = Or start again with empty progress. The damaged file is kept aside, not deleted, so it can still be repaired later.
damaged-where = Data folder: { $path }
damaged-consent = I understand that the progress in the damaged file will not be shown any more.
damaged-consent-needed = Please tick the box first to confirm that you understand.
damaged-start-fresh = Start again with empty progress
damaged-confirm-title = Start again with empty progress?
damaged-confirm-text = The damaged file is kept aside. DLIS Learn will start with no profiles and no progress.
damaged-done = A new, empty progress file has been started. The damaged one was kept as { $path }.

## Trainer PIN (institution settings, installing modules)
institution-trainer-only = Only a trainer can change these settings: saving asks for the trainer PIN.
institution-unencrypted = This address starts with http://: the password and the learners' records would cross the network unencrypted. Ask your institution for its https:// address.
trainer-title = Trainer PIN
trainer-pin-is-set = A trainer PIN protects the institution settings and the installation of modules on this computer.
trainer-pin-not-set = No trainer PIN is set yet. The trainer who sets up this computer chooses one; learners must not know it.
trainer-pin-save = Set the trainer PIN
trainer-pin-change = Change the trainer PIN
trainer-pin-saved = The trainer PIN has been saved.
trainer-lock = Lock the trainer settings
trainer-locked = The trainer settings are locked.
trainer-enter-title = Trainer PIN
trainer-enter-lead = This is for trainers: type the trainer PIN to go on.
trainer-unlock = Continue
trainer-choose-title = Choose the trainer PIN
trainer-choose-lead = The trainer PIN protects where learners' records are sent and which modules are installed on this computer. Choose it now and keep it for trainers only: it is never shown again.
trainer-pin = Trainer PIN
trainer-pin-new = New trainer PIN
trainer-pin-current = Current trainer PIN
trainer-pin-hint = 4 to 12 digits.
trainer-change-title = Change the trainer PIN

## Who signed a bundle (install screen)
install-signature = Signature
install-installed-signature = Installed copy
install-signed-verified = Verified: signed by { $organisation }
install-signed-untrusted = Signed with a key this computer does not trust (it says "{ $organisation }")
install-unsigned = Not signed
install-not-verified = Not signed by a trusted organisation
install-signer-changed-unsigned = The installed copy was signed by { $installed }, a trusted organisation, and this bundle is not signed. Anyone can make an unsigned bundle: install it only if you know where it comes from.
install-signer-changed-other = The installed copy was signed by { $installed }, a trusted organisation, and this bundle by another key (it says "{ $offered }"). Install it only if you know where it comes from.
install-anyway = Install anyway

## About (settings): portable copy, reporting a problem, licences
about-portable = This is a portable copy: its data is in the “data” folder beside the program, and travels with it (on a USB stick, for example).
about-report-title = Report a problem
about-report-institution = Tell your trainer, or { $institution } ({ $address }), the institution that receives the records of this computer.
about-report-default = Tell your trainer, or the partner institution of the DLIS project that runs your training.
about-report-details = Say which version of DLIS Learn you use (shown above), what you were doing and what happened.
about-licences-title = Licences
about-licences-error = The list of licences cannot be shown.
about-app-licence = DLIS Learn is free software: you may use, study, share and improve it under the European Union Public Licence ({ $licence }).
about-app-licence-read = Read the licence ({ $licence })
about-samples-licence = The sample modules are open educational resources, under the Creative Commons licence CC BY-SA 4.0.
about-third-party-title = Components made by others
about-third-party-lead = DLIS Learn is built with { $count ->
    [one] 1 component
   *[other] { $count } components
} made by others (Rust crates and JavaScript code). They are listed under their licence, with its full text. The source code of each Rust crate is published on crates.io.
about-third-party-show = Licences of the third-party components ({ $count })
about-components = { $count ->
    [one] 1 component
   *[other] { $count } components
}
about-licence-text = Text of the { $licence } licence for { $count ->
    [one] this component
   *[other] these { $count } components
}
about-javascript = JavaScript
about-only-on = { $platforms } only

# Private notes on lessons and capsules
notes-title = My notes
notes-hint = Only you see your notes: they never go to your institution.
note-label = New note
note-add = Add the note
note-add-at = Add the note at { $time }
note-jump = Go back to { $time } in the capsule
note-delete = Delete
note-delete-label = Delete the note “{ $text }”
notes-empty = No notes here yet.
note-empty = Write something first.
note-added = Note added.
note-deleted = Note deleted.
notes-export = Export my notes…
notes-export-lead = All your notes, module by module, in a Markdown file you choose where to keep.
notes-export-title = Notes of { $name }
notes-exported = { $count ->
    [one] 1 note written to { $path }
   *[other] { $count } notes written to { $path }
}
notes-file-name = my-notes

## The module inside an LMS (SCORM package)
lms-preview = This is a preview: no LMS is connected, so your progress is not saved.
lms-progress-reset = This module has changed since your last visit: your progress in it starts afresh.
lms-export-title = For trainers: this module in an LMS
lms-export-lead = Save it as a package to put into Moodle or another LMS. The quiz answers are inside the package.
lms-export-button = Export for an LMS…
lms-export-done = Saved: { $path }
lms-format-label = Standard
lms-format-scorm12 = SCORM 1.2 (Moodle’s SCORM activity, most LMSs)
lms-format-cmi5 = cmi5 (xAPI, to the LMS’s LRS)

## Search
nav-search = Search
search-title = Search
search-label = Search in every installed module
search-button = Search
search-count = { $count ->
    [0] Nothing found for “{ $query }”
    [one] One passage found for “{ $query }”
   *[other] { $count } passages found for “{ $query }”
}
search-place-note = Your note
search-place-title = Module title
search-place-description = Module description
search-place-objective = Objective
search-place-activity-title = Activity title
search-place-lesson = Lesson
search-place-transcript = Transcript
search-place-subtitle = Subtitles
video-at-found = Opened at { $time }, where the passage is said.

## Attestation of training
attestation-title = Attestation of training
attestation-attests = This attests that
attestation-completed-module = completed the training module
attestation-issued-by = Issued by
attestation-completed-on = Completed on
attestation-time-spent = Time spent
attestation-minutes = minutes
attestation-score = Quiz score
attestation-objectives = Objectives
attestation-code = Verification code
attestation-note = The institution can match this code with the records it received. This attestation is not a signed credential.
attestation-button = Save my attestation (PDF)…
attestation-file-name = attestation
attestation-saved = Attestation saved: { $path } (code { $code })

## Self-assessment (survey)
kind-survey = Self-assessment
rule-surveys = take every self-assessment once.
survey-takes = { $count ->
    [one] Taken once
   *[other] Taken { $count } times
}
survey-before-you-start = Before you start
survey-what-is-sent = Your ratings and your profile are kept in your profile on this computer and, like the rest of your progress, sent to your training organisation if it collects records. Your written reflection is never sent.
survey-reflection-private = What you write here stays in your profile on this computer: it is never sent.
survey-missing = { $count ->
    [one] One statement is not rated yet: please rate it before sending.
   *[other] { $count } statements are not rated yet: please rate them before sending.
}
survey-submit = See my profile
survey-saved = Your self-assessment is saved.
survey-profile = Your profile
survey-taken-on = Taken on { $date }.
survey-compared = { $count } takes: your first one ({ $first }) beside your latest ({ $latest }).
survey-table-caption = Mean rating per dimension, from 1 to { $scale }
survey-dimension = Dimension
survey-first-take = First take ({ $date })
survey-latest-take = Latest take ({ $date })
survey-your-score = Your mean rating
survey-recommended = Modules that can help
survey-recommended-for = for: { $dimensions }
survey-nothing-weak = No dimension is below the middle of the scale: no module to recommend for now.
survey-your-reflection = Your reflection
survey-take-again = Take it again
survey-radar-label = Radar chart of your mean rating in { $count } dimensions; the same figures are in the table below.
survey-legend-latest = latest take
survey-legend-first = first take

## Linking a profile to the institution's identifier; the trainers' Records screen
link-title = Link my profile to my institution
link-lead = { $institution } asks for your { $label }. Linking is your choice: without it, your records carry a random pseudonym and nobody at { $institution } can tell they are yours.
link-what-title = What changes if you link
link-what-1 = Your records sent from now on (to { $institution } or in export files) carry your { $label } instead of a pseudonym.
link-what-2 = One signed record tells { $institution } that the records you made on this computer before are yours too.
link-what-3 = Your name, your PIN, your notes and your written reflections still never leave this computer.
link-what-4 = You can unlink at any time: it stops from then on. What was already sent stays with { $institution }, even if you delete your profile.
link-identifier = Your { $label }
link-agree = I have read what changes and I agree to link my profile.
link-submit = Link my profile
link-must-agree = Tick the box to say you agree, or leave this page: nothing is linked without your agreement.
link-done = Your profile is linked to { $identifier } since { $date }.
link-linked-now = Your profile is linked.
link-unlink = Unlink my profile
link-unlink-confirm = Unlink your profile? Your records from now on carry a new pseudonym. What was already sent stays with { $institution }.
link-unlinked = Your profile is no longer linked.
link-not-asked = Your institution does not ask for an identifier: your records stay pseudonymous.
link-settings-lead = If your institution asks for your student number or e-mail, you may link your profile to it, after reading what it changes.
settings-link = Link to my institution…
settings-open-records = Open the learners' records (trainers)…
records-title = Learners' records
records-screen-lead = Merge the export files of several laptops, from a USB stick, into one report with the same figures as the dlis merge command. For trainers.
records-import = Add export files…
records-roster = Names from a roster…
records-roster-none = No roster: learners appear by their identifier. A roster is a CSV of identifier,name kept on this computer.
records-roster-set = Names from { $path }
records-name = Name
records-save = Save the report…
records-clear = Start a new list
records-cleared = The list of export files is empty again.
records-saved = Report saved: { $path }
records-empty = No export file yet: add the files the laptops exported.
records-files = Export files merged: { $count }
records-refused = Refused files (their records are not in the report)
records-summary = What the merge found
records-rows-caption = One line per learner and module
records-learner = Learner
records-module = Module
records-completed = Completed
records-score = Best score
records-time = Time spent
records-code = Attestation code
records-minutes = { $minutes } min
records-yes = yes
records-no = no
records-items-title = Questions to review
records-items-lead = A question few learners get right at their first answer, or that the weakest learners answer as well as the best (discrimination near 0 or below), may need rewriting.
records-question = Question
records-learners = Learners
records-right-first = Right at the first answer
records-discrimination = Discrimination
