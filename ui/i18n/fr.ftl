# DLIS Learn — textes de l'interface, français.

app-name = DLIS Learn
skip-to-content = Aller au contenu
nav-label = Principal
nav-catalogue = Modules
nav-install = Installer un module
nav-settings = Réglages
nav-profiles = Apprenants
signed-in-as = Apprenant·e : { $name }
switch-learner = Changer d'apprenant
signed-out = Vous avez quitté votre profil. La personne suivante peut choisir le sien.
breadcrumbs = Vous êtes ici
back-to-catalogue = Retour aux modules
back-to-module = Retour au module
activity-navigation = Suite
next-activity = Suivant : { $title }
ok = OK
cancel = Annuler
close = Fermer
save = Enregistrer
copy = Copier
never = Jamais
version = Version { $version }
table = Tableau { $n }
quoted = « { $text } »
drop-here = Déposez le fichier du module (.zip) pour l'installer

## Erreurs
error-title = Un problème est survenu
error-wrong-pin = Ce code PIN n'est pas le bon. Veuillez réessayer.
error-bad-pin = Un code PIN comporte de 4 à 12 chiffres (uniquement des chiffres).
error-pin-mismatch = Les deux codes PIN ne sont pas identiques. Veuillez saisir deux fois le même code.
error-empty-name = Veuillez saisir un nom.
error-name-too-long = Ce nom est trop long (80 caractères au maximum).
error-name-control = Un nom peut contenir des lettres, des chiffres, des espaces et de la ponctuation, mais pas de caractères de contrôle invisibles.
error-language = Cette langue n'est pas reconnue.
error-unreachable = Le serveur de l'établissement n'a pas pu être joint (pas de connexion à Internet, ou serveur occupé). Vos données sont conservées en sécurité et seront envoyées plus tard.
error-credentials = Le serveur de l'établissement a refusé le nom d'utilisateur ou le mot de passe. Vérifiez-les auprès de votre établissement.
error-no-institution = Aucun établissement n'est encore configuré.
error-no-attempts = Vous n'avez plus de tentative pour ce quiz.
error-older = Une version plus récente de ce module est déjà installée. Rien n'a été installé.
error-same-version-differs = Cette version est déjà installée, mais le fichier est différent. Rien n'a été installé ; demandez à l'auteur du module un nouveau numéro de version.
error-no-activity = Cette activité n'existe pas dans le module.
error-required = Veuillez remplir ce champ.
error-not-installed = Ce module n'est pas (ou plus) installé sur cet ordinateur.
error-trainer-only = Cette action demande le code PIN formateur.
error-identifier = Cet identifiant n'est pas écrit comme votre établissement l'écrit : vérifiez-le (sans espaces) et réessayez.
error-pin-locked = Trop de codes PIN erronés : ce code est bloqué pour un moment, et chaque nouvelle erreur le bloque plus longtemps. Patientez, puis réessayez.
error-password-needed = Saisissez le mot de passe : un mot de passe enregistré ne sert qu'à l'adresse du serveur et au nom d'utilisateur pour lesquels il a été donné.
error-signer-changed = Le module installé a été signé par un organisme de confiance, et ce fichier n'est pas signé avec la même clé. Rien n'a été installé.

## Profils
profiles-title = Qui apprend aujourd'hui ?
profiles-lead = Chaque apprenant·e a son propre profil sur cet ordinateur : la progression de chacun reste séparée.
profiles-choose = Choisissez votre profil
profiles-none = Il n'y a encore aucun profil sur cet ordinateur. Créez le vôtre pour commencer.
profile-has-pin = Protégé par un code PIN
profile-new = Créer un nouveau profil
profile-name = Votre nom
profile-name-hint = Affiché uniquement sur cet ordinateur. Il n'est jamais envoyé à personne.
profile-language = Langue préférée
profile-language-hint = Les modules s'affichent dans cette langue lorsqu'ils existent dans celle-ci.
pin-optional = Code PIN (facultatif)
pin-hint = De 4 à 12 chiffres. Un code PIN empêche d'autres personnes d'ouvrir votre profil sur un ordinateur partagé.
pin-confirm = Saisissez à nouveau le code PIN
pin-label = Code PIN
pin-new = Nouveau code PIN
pin-title = Code PIN
pin-is-set = Votre profil est protégé par un code PIN.
pin-not-set = Votre profil n'a pas de code PIN : toute personne utilisant cet ordinateur peut l'ouvrir.
pin-set = Définir le code PIN
pin-change = Changer le code PIN
pin-remove = Supprimer le code PIN
pin-saved = Votre code PIN a été enregistré.
pin-removed = Votre code PIN a été supprimé.
pin-prompt-title = Code PIN de { $name }
profile-create = Créer mon profil
profile-created = Bienvenue, { $name } ! Votre profil est prêt.
open-profile = Ouvrir
welcome = Bienvenue, { $name } !
interface-language = Langue de l'interface

## Catalogue
catalogue-title = Vos modules
catalogue-lead = { $count ->
    [0] Aucun module n'est encore installé.
    [one] Un module est installé sur cet ordinateur.
   *[other] { $count } modules sont installés sur cet ordinateur.
}
catalogue-empty = Installez un module pour commencer à apprendre. En général, votre formateur ou formatrice vous le remet sous forme de fichier .zip.
module-languages = Langues
content-language-fallback = Ce module n'existe pas en { $wanted } : il est affiché en { $shown }. Vous pouvez choisir une autre de ses langues.
content-language-label = Langue de ce module
module-duration = Durée estimée
module-organisation = Organisme
module-version = Version
minutes = { $minutes ->
    [one] environ { $minutes } minute
   *[other] environ { $minutes } minutes
}
progress-label = Progression dans { $title }
activities-done = { $done ->
    [one] { $done } activité terminée
   *[other] { $done } activités terminées
} sur { $total }
completed = Terminé
verified-by = Vérifié par { $organisation }
unsigned = Non signé
signed-unknown = Signé par un organisme inconnu
resume = Reprendre
start = Commencer

## Module
objectives = Ce que vous allez apprendre
activities = Activités
module-progress = Votre progression
module-completed = Module terminé
module-completed-on = Terminé le { $date }.
completion-rule-intro = Pour terminer ce module :
rule-lessons = lire chaque leçon jusqu'au bout ;
rule-videos = regarder au moins { $percent } % de chaque capsule vidéo ;
rule-quizzes = réussir chaque quiz.
status-not-started = Pas commencé
status-in-progress = En cours
status-done = Terminé
kind-lesson = Leçon
kind-video = Capsule vidéo
kind-quiz = Quiz
video-watched-percent = Regardé : { $percent }
quiz-attempts = { $count ->
    [one] { $count } tentative
   *[other] { $count } tentatives
}
quiz-best = meilleur score { $score }

## Leçon
text-size = Taille du texte
text-smaller = Texte plus petit
text-larger = Texte plus grand
text-size-now = Taille du texte : { $size } %
mark-as-read = Marquer comme lu
lesson-is-read = Vous avez lu cette leçon.
lesson-not-read = Faites défiler la leçon jusqu'à la fin, ou marquez-la comme lue.
lesson-marked-read = Leçon marquée comme lue.
lesson-reached-end = Vous êtes arrivé·e à la fin de la leçon. Elle est marquée comme lue.
link-inside-module = Ce lien mène à un fichier du module qui ne peut pas être ouvert ici.
external-link-title = Un lien vers un site web
external-link-text = Ce lien mène à un site web extérieur à DLIS Learn. Pour le consulter, copiez l'adresse et collez-la dans votre navigateur.
external-mail-text = Il s'agit d'une adresse électronique. Pour écrire à cette adresse, copiez-la dans votre messagerie.
external-link-address = Adresse
external-link-copied = L'adresse a été copiée.

## Vidéo
video-label = Vidéo : { $title }
video-controls = Commandes de la vidéo
video-play = Lecture
video-pause = Pause
video-back = Reculer de { $seconds } s
video-forward = Avancer de { $seconds } s
video-speed = Vitesse
video-speed-now = Vitesse : { $speed } fois
subtitles = Sous-titres
subtitles-off = Désactivés
transcript = Transcription
transcript-missing = Aucune transcription n'est disponible pour cette capsule.
video-resuming = Reprise là où vous vous étiez arrêté·e, à { $time }.
video-start-over = Reprendre depuis le début
video-from-start = Lecture depuis le début.
video-completed = Regardé : { $percent }. Cette capsule est terminée.
video-at = À { $time }
video-muted = Son coupé
video-unmuted = Son activé
video-error = La vidéo ne peut pas être lue. Il faudra peut-être réinstaller le module.
video-keys-title = Raccourcis clavier
video-key-play = Espace ou K : lecture ou pause
video-key-seek = Flèches gauche et droite : reculer ou avancer de 5 secondes
video-key-jump = J et L : reculer ou avancer de 10 secondes ; Début et Fin : aller au début ou à la fin
video-key-mute = M : couper ou rétablir le son
video-key-captions = C : afficher ou masquer les sous-titres
video-key-speed = < et > : plus lent ou plus rapide

## Quiz
quiz-before-you-start = Avant de commencer
quiz-question-count = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}
quiz-pass-mark = Seuil de réussite : { $percent } %
quiz-max-attempts = { $count ->
    [one] { $count } tentative autorisée
   *[other] { $count } tentatives autorisées
}
quiz-unlimited = Autant de tentatives que vous le souhaitez
quiz-feedback-immediate = Vous voyez si votre réponse est juste après chaque question.
quiz-feedback-end = Vous voyez vos résultats une fois toutes les questions répondues.
quiz-status-passed = Vous avez réussi ce quiz (meilleur score : { $score }).
quiz-status-not-passed = { $count ->
    [one] Vous avez fait { $count } tentative (meilleur score : { $score }).
   *[other] Vous avez fait { $count } tentatives (meilleur score : { $score }).
}
quiz-attempts-left = { $count ->
    [0] Plus aucune tentative.
    [one] Il reste { $count } tentative.
   *[other] Il reste { $count } tentatives.
}
quiz-attempt-number = Tentative { $n }
quiz-no-attempts-left = Vous avez utilisé toutes vos tentatives pour ce quiz.
quiz-start = Commencer le quiz
quiz-continue = Reprendre là où vous vous êtes arrêté·e
quiz-retry = Réessayer
quiz-progress = Progression dans le quiz
question-of = Question { $n } sur { $total }
question-image = Illustration de la question
quiz-confirm = Valider ma réponse
quiz-next = Question suivante
quiz-finish = Terminer
quiz-answer-saved = Réponse enregistrée.
quiz-choose-one = Veuillez choisir une réponse.
quiz-choose-some = Veuillez choisir au moins une réponse.
quiz-choose-all = Cochez toutes les réponses qui conviennent.
quiz-type-answer = Veuillez saisir votre réponse.
quiz-match-hint = Pour chaque élément, choisissez celui qui lui correspond.
quiz-match-choose = Choisir…
quiz-match-missing = Veuillez choisir une correspondance pour chaque élément.
quiz-order-hint = Remettez les éléments dans le bon ordre avec les boutons « monter » et « descendre ».
move-up = Monter : { $item }
move-down = Descendre : { $item }
moved-to = { $item } : maintenant en position { $position } sur { $total }.
true = Vrai
false = Faux
your-answer = Votre réponse
not-answered = Sans réponse
feedback-correct = Bonne réponse.
feedback-incorrect = Réponse incorrecte.
feedback-partly = Réponse en partie juste.
points = ({ $score } sur { $max } { $max ->
    [one] point
   *[other] points
})
quiz-all-answered = Vous avez répondu à toutes les questions
quiz-submit-text = Envoyez vos réponses pour voir votre score. Vous ne pourrez plus les modifier ensuite.
quiz-submit = Voir mon résultat
quiz-passed = Bravo : quiz réussi !
quiz-failed = Pas encore réussi cette fois
quiz-score-detail = { $score } sur { $max } { $max ->
    [one] point
   *[other] points
}. Le seuil de réussite est de { $mark } %.
quiz-review = Vos réponses

## Installation
install-title = Installer un module
install-lead = Les modules se présentent sous forme de fichier .zip, par exemple sur une clé USB ou par courriel.
install-how = Choisissez le fichier du module sur cet ordinateur.
install-choose = Choisir un fichier de module…
install-drop-hint = Vous pouvez aussi faire glisser le fichier sur cette fenêtre.
install-filter-name = Module DLIS Learn
install-checking = Vérification du fichier…
install-invalid-title = Ce fichier ne peut pas être installé
install-invalid-text = Ce n'est pas un module DLIS Learn complet et valide : il est peut-être endommagé ou incomplet. Rien n'a été installé. Demandez une nouvelle copie à la personne qui vous l'a remis.
install-problems = { $count ->
    [one] Détail du problème (pour votre formateur ou formatrice)
   *[other] Détail des { $count } problèmes (pour votre formateur ou formatrice)
}
install-new = Ce module n'est pas encore installé.
install-do = Installer
install-upgrade = La version { $from } de ce module est installée. Ce fichier contient la version { $to }, plus récente. Votre progression est conservée.
install-upgrade-do = Mettre à jour le module
install-older = Une version plus récente ({ $installed }) de ce module est installée. Ce fichier contient une version plus ancienne ({ $offered }). En général, vous n'en avez pas besoin.
install-keep-current = Garder la version plus récente
install-downgrade = Installer quand même l'ancienne version
install-same = La version { $version } de ce module est déjà installée.
install-again = Vérifier et réinstaller
install-starting = Préparation…
install-running = Installation du module…
install-progress = Progression de l'installation
phase-copying = Copie du fichier…
phase-verifying = Vérification de chaque fichier du module…
phase-hashing = Vérification des fichiers…
phase-packing = Empaquetage…
install-success-title = Le module est prêt
install-done = La version { $version } a été installée.
install-upgraded = Le module a été mis à jour de la version { $from } à la version { $to }.
install-replaced = La version { $from } a été remplacée par la version { $to }.
install-unchanged = Ce module était déjà installé à l'identique. Rien n'a changé.
install-open = Ouvrir le module
install-another = Installer un autre module
install-failed = Le module n'a pas été installé

## Réglages
settings-title = Réglages
settings-display = Affichage
settings-language-follow = La langue préférée de l'apprenant·e
settings-language-hint = Par défaut, l'interface utilise la langue préférée de la personne qui s'en sert.
settings-high-contrast = Contraste élevé (texte clair sur fond sombre)
settings-reduce-motion = Réduire les animations
settings-reduce-motion-hint = Les animations sont déjà réduites lorsque votre ordinateur le demande.
settings-theme = Couleurs de mon profil
settings-theme-hint = Suivre l'ordinateur, c'est reprendre son mode clair ou sombre et son réglage de contraste, quand ils changent aussi.
theme-system = Suivre l'ordinateur
theme-light = Clair
theme-dark = Sombre
theme-contrast = Contraste élevé
settings-idle-lock = Verrouiller le profil après ce délai sans activité
settings-idle-lock-hint = Sur un ordinateur partagé, un profil resté ouvert revient de lui-même à la liste des apprenants, et un profil protégé par un code PIN le redemande.
idle-minutes = { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}
idle-never = Jamais
idle-warning = Aucune activité depuis un moment : ce profil sera verrouillé dans { $seconds ->
    [one] 1 seconde
   *[other] { $seconds } secondes
}.
idle-stay = Rester connecté
idle-locked = Le profil a été verrouillé après { $minutes } minutes sans activité.
settings-saved = Enregistré.
settings-profile = Profil de { $name }
delete-profile = Supprimer ce profil
delete-profile-hint = Supprimer un profil efface toute sa progression sur cet ordinateur. Les données déjà envoyées à votre établissement ne sont pas concernées.
delete-profile-title = Supprimer le profil de { $name } ?
delete-profile-text = Toute la progression de ce profil sur cet ordinateur sera perdue. Cette action est irréversible.
delete-profile-confirm = Supprimer le profil
profile-deleted = Le profil a été supprimé.
settings-records = Suivi de formation
records-lead = Votre progression peut être envoyée à votre établissement, pour que votre formateur ou formatrice puisse la suivre. Seul un numéro pseudonyme est envoyé, jamais votre nom.
institution-title = Établissement
institution-lead = Votre formateur ou formatrice vous communique ces informations.
institution-name = Nom de l'établissement
institution-home = Adresse web de l'établissement
institution-home-hint = Sert à identifier les comptes des apprenant·es, par exemple https://example.org
institution-endpoint = Adresse du serveur de suivi (LRS)
institution-endpoint-hint = Par exemple https://lrs.example.org/xapi/
institution-user = Nom d'utilisateur
institution-password = Mot de passe
institution-identifier-label = Ce à quoi les apprenants peuvent lier leur profil (facultatif)
institution-identifier-label-hint = Par exemple « numéro d'étudiant ». Laissez vide : tous les profils restent sous pseudonyme. Les apprenants décident, après un écran de consentement.
institution-identifier-pattern = Comment il s'écrit (facultatif)
institution-identifier-pattern-hint = Une expression régulière que tout l'identifiant doit suivre, par exemple [0-9]{"{"}8{"}"} pour huit chiffres.
institution-password-keep = Laissez vide pour garder le mot de passe actuel (seulement si l'adresse du serveur et le nom d'utilisateur ne changent pas).
sync-title = Envoi des données
sync-pending = En attente d'envoi
sync-sent = Déjà envoyées
sync-last-success = Dernier envoi réussi
sync-last-error = Dernier problème
sync-rejected = { $count ->
    [one] { $count } donnée a été refusée par le serveur
   *[other] { $count } données ont été refusées par le serveur
}
sync-now = Envoyer maintenant
sync-sending = Envoi en cours…
sync-done = { $pending ->
    [0] Tout a été envoyé.
    [one] Envoyé. 1 donnée est encore en attente.
   *[other] Envoyé. { $pending } données sont encore en attente.
}
sync-needs-institution = Configurez l'établissement ci-dessus pour envoyer les données.
export-title = Exporter
export-lead = Sans connexion à Internet, vous pouvez enregistrer les données dans un fichier et le remettre à votre formateur ou formatrice.
export-records = Exporter les données…
export-filter-name = Export DLIS Learn
export-writing = Écriture du fichier…
export-done = { $count ->
    [one] { $count } donnée a été écrite dans { $path }.
   *[other] { $count } données ont été écrites dans { $path }.
}
settings-about = À propos
about-version = Version de DLIS Learn
about-data = Emplacement des données

## Base de progression endommagée
damaged-title = Votre progression ne peut pas être ouverte
damaged-text = Le fichier dans lequel DLIS Learn conserve la progression de chacun sur cet ordinateur est endommagé, ou provient d'une version plus récente de DLIS Learn. Rien n'a été modifié ni supprimé.
damaged-details = Détails techniques
damaged-what-now = Ce que vous pouvez faire
damaged-option-help = Demandez de l'aide à votre formateur ou formatrice ou au service informatique de votre établissement : il sera peut-être possible de réparer le fichier.
damaged-option-fresh = Ou repartez avec une progression vide. Le fichier endommagé est mis de côté, pas supprimé : il pourra encore être réparé plus tard.
damaged-where = Dossier des données : { $path }
damaged-consent = Je comprends que la progression contenue dans le fichier endommagé ne sera plus affichée.
damaged-consent-needed = Veuillez d'abord cocher la case pour confirmer que vous avez compris.
damaged-start-fresh = Repartir avec une progression vide
damaged-confirm-title = Repartir avec une progression vide ?
damaged-confirm-text = Le fichier endommagé est mis de côté. DLIS Learn démarrera sans profil ni progression.
damaged-done = Un nouveau fichier de progression vide a été créé. L'ancien a été conservé sous le nom { $path }.

## Code PIN formateur (réglages de l'établissement, installation de modules)
institution-trainer-only = Seul un formateur peut modifier ces réglages : l'enregistrement demande le code PIN formateur.
institution-unencrypted = Cette adresse commence par http:// : le mot de passe et les résultats des apprenants circuleraient sur le réseau sans chiffrement. Demandez à votre établissement son adresse en https://.
trainer-title = Code PIN formateur
trainer-pin-is-set = Un code PIN formateur protège les réglages de l'établissement et l'installation de modules sur cet ordinateur.
trainer-pin-not-set = Aucun code PIN formateur n'est encore défini. Le formateur qui prépare cet ordinateur le choisit ; les apprenants ne doivent pas le connaître.
trainer-pin-save = Définir le code PIN formateur
trainer-pin-change = Changer le code PIN formateur
trainer-pin-saved = Le code PIN formateur a été enregistré.
trainer-lock = Verrouiller les réglages formateur
trainer-locked = Les réglages formateur sont verrouillés.
trainer-enter-title = Code PIN formateur
trainer-enter-lead = Cette action est réservée aux formateurs : saisissez le code PIN formateur pour continuer.
trainer-unlock = Continuer
trainer-choose-title = Choisir le code PIN formateur
trainer-choose-lead = Le code PIN formateur protège l'envoi des résultats des apprenants et les modules installés sur cet ordinateur. Choisissez-le maintenant et réservez-le aux formateurs : il ne sera plus jamais affiché.
trainer-pin = Code PIN formateur
trainer-pin-new = Nouveau code PIN formateur
trainer-pin-current = Code PIN formateur actuel
trainer-pin-hint = De 4 à 12 chiffres.
trainer-change-title = Changer le code PIN formateur

## Qui a signé un module (écran d'installation)
install-signature = Signature
install-installed-signature = Copie installée
install-signed-verified = Vérifié : signé par { $organisation }
install-signed-untrusted = Signé avec une clé que cet ordinateur ne reconnaît pas (elle se dit « { $organisation } »)
install-unsigned = Non signé
install-not-verified = Non signé par un organisme de confiance
install-signer-changed-unsigned = La copie installée a été signée par { $installed }, un organisme de confiance, et ce fichier n'est pas signé. N'importe qui peut fabriquer un fichier de module non signé : ne l'installez que si vous savez d'où il vient.
install-signer-changed-other = La copie installée a été signée par { $installed }, un organisme de confiance, et ce fichier par une autre clé (elle se dit « { $offered } »). Ne l'installez que si vous savez d'où il vient.
install-anyway = Installer quand même

## À propos (paramètres) : copie portable, signaler un problème, licences
about-portable = Cette copie est portable : ses données sont dans le dossier « data » à côté du programme et voyagent avec lui (sur une clé USB, par exemple).
about-report-title = Signaler un problème
about-report-institution = Adressez-vous à votre formateur ou formatrice, ou à { $institution } ({ $address }), l'établissement qui reçoit les données de cet ordinateur.
about-report-default = Adressez-vous à votre formateur ou formatrice, ou à l'établissement partenaire du projet DLIS qui organise votre formation.
about-report-details = Indiquez la version de DLIS Learn que vous utilisez (affichée ci-dessus), ce que vous faisiez et ce qui s'est passé.
about-licences-title = Licences
about-licences-error = La liste des licences ne peut pas être affichée.
about-app-licence = DLIS Learn est un logiciel libre : vous pouvez l'utiliser, l'étudier, le partager et l'améliorer selon les termes de la Licence publique de l'Union européenne ({ $licence }).
about-app-licence-read = Lire la licence ({ $licence })
about-samples-licence = Les modules d'exemple sont des ressources éducatives libres, sous licence Creative Commons CC BY-SA 4.0.
about-third-party-title = Composants réalisés par d'autres
about-third-party-lead = DLIS Learn est construit avec { $count ->
    [one] { $count } composant réalisé
   *[other] { $count } composants réalisés
} par d'autres (des bibliothèques Rust, ou « crates », et du code JavaScript). Ils sont classés par licence, avec le texte complet de chaque licence. Le code source de chaque bibliothèque Rust est publié sur crates.io.
about-third-party-show = Licences des composants tiers ({ $count })
about-components = { $count ->
    [one] { $count } composant
   *[other] { $count } composants
}
about-licence-text = Texte de la licence { $licence } pour { $count ->
    [one] ce composant
   *[other] ces { $count } composants
}
about-javascript = JavaScript
about-only-on = uniquement sous { $platforms }

# Private notes on lessons and capsules
notes-title = Mes notes
notes-hint = Vous seul voyez vos notes : elles ne partent jamais vers votre établissement.
note-label = Nouvelle note
note-add = Ajouter la note
note-add-at = Ajouter la note à { $time }
note-jump = Revenir à { $time } dans la capsule
note-delete = Supprimer
note-delete-label = Supprimer la note « { $text } »
notes-empty = Pas encore de note ici.
note-empty = Écrivez d'abord quelque chose.
note-added = Note ajoutée.
note-deleted = Note supprimée.
notes-export = Exporter mes notes…
notes-export-lead = Toutes vos notes, module par module, dans un fichier Markdown que vous rangez où vous voulez.
notes-export-title = Notes de { $name }
notes-exported = { $count ->
    [one] 1 note écrite dans { $path }
   *[other] { $count } notes écrites dans { $path }
}
notes-file-name = mes-notes

## The module inside an LMS (SCORM package)
lms-preview = Ceci est un aperçu : aucune plateforme n’est connectée, votre progression n’est pas enregistrée.
lms-progress-reset = Ce module a changé depuis votre dernière visite : votre progression y repart de zéro.
lms-export-title = Pour les formateurs : ce module dans une plateforme
lms-export-lead = Enregistrez-le en paquet à déposer dans Moodle ou une autre plateforme. Les réponses du quiz sont dans le paquet.
lms-export-button = Exporter pour une plateforme…
lms-export-done = Enregistré : { $path }
lms-format-label = Norme
lms-format-scorm12 = SCORM 1.2 (activité SCORM de Moodle, la plupart des plateformes)
lms-format-cmi5 = cmi5 (xAPI, vers le LRS de la plateforme)

## Search
nav-search = Rechercher
search-title = Rechercher
search-label = Rechercher dans tous les modules installés
search-button = Rechercher
search-count = { $count ->
    [0] Rien trouvé pour « { $query } »
    [one] Un passage trouvé pour « { $query } »
   *[other] { $count } passages trouvés pour « { $query } »
}
search-place-note = Votre note
search-place-title = Titre du module
search-place-description = Présentation du module
search-place-objective = Objectif
search-place-activity-title = Titre d’activité
search-place-lesson = Leçon
search-place-transcript = Transcription
search-place-subtitle = Sous-titres
video-at-found = Ouvert à { $time }, là où le passage est dit.

## Attestation of training
attestation-title = Attestation de formation
attestation-attests = Nous attestons que
attestation-completed-module = a suivi le module de formation
attestation-issued-by = Délivrée par
attestation-completed-on = Terminé le
attestation-time-spent = Temps passé
attestation-minutes = minutes
attestation-score = Score au quiz
attestation-objectives = Objectifs
attestation-code = Code de vérification
attestation-note = L’établissement peut rapprocher ce code des enregistrements qu’il a reçus. Cette attestation n’est pas un titre signé.
attestation-button = Enregistrer mon attestation (PDF)…
attestation-file-name = attestation
attestation-saved = Attestation enregistrée : { $path } (code { $code })

## Auto-positionnement (questionnaire)
kind-survey = Auto-positionnement
rule-surveys = faire chaque auto-positionnement une fois.
survey-takes = { $count ->
    [one] Fait une fois
   *[other] Fait { $count } fois
}
survey-before-you-start = Avant de commencer
survey-what-is-sent = Vos réponses et votre profil sont conservés dans votre profil sur cet ordinateur et, comme le reste de votre progression, transmis à votre organisme de formation s'il recueille les suivis. Votre réflexion écrite n'est jamais transmise.
survey-reflection-private = Ce que vous écrivez ici reste dans votre profil sur cet ordinateur : ce n'est jamais transmis.
survey-missing = { $count ->
    [one] Une affirmation n'a pas encore de réponse : répondez-y avant d'envoyer.
   *[other] { $count } affirmations n'ont pas encore de réponse : répondez-y avant d'envoyer.
}
survey-submit = Voir mon profil
survey-saved = Votre auto-positionnement est enregistré.
survey-profile = Votre profil
survey-taken-on = Fait le { $date }.
survey-compared = { $count } passations : la première ({ $first }) à côté de la plus récente ({ $latest }).
survey-table-caption = Moyenne par dimension, de 1 à { $scale }
survey-dimension = Dimension
survey-first-take = Première passation ({ $date })
survey-latest-take = Dernière passation ({ $date })
survey-your-score = Votre moyenne
survey-recommended = Des modules qui peuvent vous aider
survey-recommended-for = pour : { $dimensions }
survey-nothing-weak = Aucune dimension n'est sous le milieu de l'échelle : pas de module à recommander pour l'instant.
survey-your-reflection = Votre réflexion
survey-take-again = Le refaire
survey-radar-label = Graphique en radar de votre moyenne dans { $count } dimensions ; les mêmes chiffres sont dans le tableau ci-dessous.
survey-legend-latest = dernière passation
survey-legend-first = première passation

## Lier un profil à l'identifiant de l'établissement ; l'écran « Suivi des apprenants » des formateurs
link-title = Lier mon profil à mon établissement
link-lead = { $institution } vous demande votre { $label }. Lier votre profil est un choix : sans cela, vos traces portent un pseudonyme aléatoire et personne chez { $institution } ne peut savoir qu'elles sont les vôtres.
link-what-title = Ce qui change si vous liez votre profil
link-what-1 = Vos traces envoyées à partir de maintenant (à { $institution } ou dans les fichiers d'export) portent votre { $label } au lieu d'un pseudonyme.
link-what-2 = Une trace signée indique à { $institution } que les traces faites avant sur cet ordinateur sont aussi les vôtres.
link-what-3 = Votre nom, votre code PIN, vos notes et vos réflexions écrites ne quittent toujours jamais cet ordinateur.
link-what-4 = Vous pouvez délier votre profil à tout moment : cela vaut à partir de ce moment. Ce qui a déjà été envoyé reste chez { $institution }, même si vous supprimez votre profil.
link-identifier = Votre { $label }
link-agree = J'ai lu ce qui change et j'accepte de lier mon profil.
link-submit = Lier mon profil
link-must-agree = Cochez la case pour dire que vous acceptez, ou quittez cette page : rien n'est lié sans votre accord.
link-done = Votre profil est lié à { $identifier } depuis le { $date }.
link-linked-now = Votre profil est lié.
link-unlink = Délier mon profil
link-unlink-confirm = Délier votre profil ? Vos traces porteront désormais un nouveau pseudonyme. Ce qui a déjà été envoyé reste chez { $institution }.
link-unlinked = Votre profil n'est plus lié.
link-not-asked = Votre établissement ne demande pas d'identifiant : vos traces restent sous pseudonyme.
link-settings-lead = Si votre établissement demande votre numéro d'étudiant ou votre adresse e-mail, vous pouvez y lier votre profil, après avoir lu ce que cela change.
settings-link = Lier à mon établissement…
settings-open-records = Ouvrir le suivi des apprenants (formateurs)…
records-title = Suivi des apprenants
records-screen-lead = Réunissez les fichiers d'export de plusieurs ordinateurs, depuis une clé USB, en un seul rapport, avec les mêmes chiffres que la commande dlis merge. Pour les formateurs.
records-import = Ajouter des fichiers d'export…
records-roster = Noms d'une liste…
records-roster-none = Pas de liste : les apprenants apparaissent par leur identifiant. Une liste est un CSV identifiant,nom gardé sur cet ordinateur.
records-roster-set = Noms de { $path }
records-name = Nom
records-save = Enregistrer le rapport…
records-clear = Recommencer la liste
records-cleared = La liste des fichiers d'export est de nouveau vide.
records-saved = Rapport enregistré : { $path }
records-empty = Aucun fichier d'export pour l'instant : ajoutez les fichiers exportés par les ordinateurs.
records-files = Fichiers d'export réunis : { $count }
records-refused = Fichiers refusés (leurs traces ne sont pas dans le rapport)
records-summary = Ce que la fusion a trouvé
records-rows-caption = Une ligne par apprenant et par module
records-learner = Apprenant
records-module = Module
records-completed = Terminé
records-score = Meilleur score
records-time = Temps passé
records-code = Code d'attestation
records-minutes = { $minutes } min
records-yes = oui
records-no = non
records-items-title = Questions à revoir
records-items-lead = Une question que peu d'apprenants réussissent du premier coup, ou que les plus faibles réussissent aussi bien que les meilleurs (discrimination proche de 0 ou négative), est peut-être à réécrire.
records-question = Question
records-learners = Apprenants
records-right-first = Juste du premier coup
records-discrimination = Discrimination
