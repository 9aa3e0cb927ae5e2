# DLIS Learn — Texte der Oberfläche, Deutsch (Anrede „Sie“).
# Written by a helper; not reviewed by a native professional yet.

app-name = DLIS Learn
skip-to-content = Zum Inhalt springen
nav-label = Hauptmenü
nav-catalogue = Module
nav-install = Modul installieren
nav-settings = Einstellungen
nav-profiles = Lernende
signed-in-as = Lernende Person: { $name }
switch-learner = Person wechseln
signed-out = Sie haben Ihr Profil verlassen. Die nächste Person kann ihr eigenes wählen.
breadcrumbs = Sie sind hier
back-to-catalogue = Zurück zu den Modulen
back-to-module = Zurück zum Modul
activity-navigation = Weiter
next-activity = Weiter: { $title }
ok = OK
cancel = Abbrechen
close = Schließen
save = Speichern
copy = Kopieren
never = Nie
version = Version { $version }
table = Tabelle { $n }
quoted = „{ $text }“
drop-here = Legen Sie die Moduldatei (.zip) hier ab, um sie zu installieren

## Fehler
error-title = Etwas ist schiefgelaufen
error-wrong-pin = Diese PIN ist nicht richtig. Bitte versuchen Sie es noch einmal.
error-bad-pin = Eine PIN hat 4 bis 12 Ziffern (nur Ziffern).
error-pin-mismatch = Die beiden PINs stimmen nicht überein. Bitte geben Sie zweimal dieselbe PIN ein.
error-empty-name = Bitte geben Sie einen Namen ein.
error-name-too-long = Dieser Name ist zu lang (höchstens 80 Zeichen).
error-name-control = Ein Name darf Buchstaben, Ziffern, Leerzeichen und Satzzeichen enthalten, aber keine unsichtbaren Steuerzeichen.
error-language = Diese Sprache wird nicht erkannt.
error-unreachable = Der Server der Einrichtung war nicht erreichbar (keine Internetverbindung oder der Server ist ausgelastet). Ihre Datensätze sind sicher gespeichert und werden später gesendet.
error-credentials = Der Server der Einrichtung hat den Benutzernamen oder das Passwort abgelehnt. Bitte prüfen Sie die Angaben gemeinsam mit Ihrer Einrichtung.
error-no-institution = Es ist noch keine Einrichtung eingetragen.
error-no-attempts = Sie haben für dieses Quiz keine Versuche mehr.
error-older = Eine neuere Version dieses Moduls ist bereits installiert. Es wurde nichts installiert.
error-same-version-differs = Diese Version ist bereits installiert, aber die Datei ist anders. Es wurde nichts installiert; bitten Sie die Autorin oder den Autor des Moduls um eine neue Versionsnummer.
error-no-activity = Diese Aktivität gibt es in diesem Modul nicht.
error-required = Bitte füllen Sie dieses Feld aus.
error-not-installed = Dieses Modul ist auf diesem Computer nicht (mehr) installiert.
error-trainer-only = Dafür ist die Kursleitungs-PIN nötig.
error-identifier = Diese Kennung ist nicht so geschrieben, wie Ihre Einrichtung sie schreibt: Prüfen Sie sie (ohne Leerzeichen) und versuchen Sie es erneut.
error-pin-locked = Zu viele falsche PINs: Diese PIN ist eine Weile gesperrt, und jede weitere falsche PIN sperrt sie länger. Bitte warten Sie und versuchen Sie es dann noch einmal.
error-password-needed = Bitte geben Sie das Passwort ein: Ein gespeichertes Passwort gilt nur für die Serveradresse und den Benutzernamen, für die es eingegeben wurde.
error-signer-changed = Das installierte Modul wurde von einer vertrauenswürdigen Organisation signiert, und diese Datei ist nicht mit demselben Schlüssel signiert. Es wurde nichts installiert.

## Profile
profiles-title = Wer lernt heute?
profiles-lead = Jede lernende Person hat auf diesem Computer ihr eigenes Profil, damit die Fortschritte getrennt bleiben.
profiles-choose = Wählen Sie Ihr Profil
profiles-none = Auf diesem Computer gibt es noch kein Profil. Legen Sie Ihres an, um zu beginnen.
profile-has-pin = Mit PIN geschützt
profile-new = Neues Profil anlegen
profile-name = Ihr Name
profile-name-hint = Wird nur auf diesem Computer angezeigt und nie an jemanden gesendet.
profile-language = Bevorzugte Sprache
profile-language-hint = Module werden in dieser Sprache angezeigt, wenn es sie darin gibt.
pin-optional = PIN (freiwillig)
pin-hint = 4 bis 12 Ziffern. Eine PIN verhindert, dass andere Ihr Profil auf einem gemeinsam genutzten Computer öffnen.
pin-confirm = PIN noch einmal eingeben
pin-label = PIN
pin-new = Neue PIN
pin-title = PIN
pin-is-set = Ihr Profil ist mit einer PIN geschützt.
pin-not-set = Ihr Profil hat keine PIN: Jede Person, die diesen Computer benutzt, kann es öffnen.
pin-set = PIN festlegen
pin-change = PIN ändern
pin-remove = PIN entfernen
pin-saved = Ihre PIN wurde gespeichert.
pin-removed = Ihre PIN wurde entfernt.
pin-prompt-title = PIN für { $name }
profile-create = Mein Profil anlegen
profile-created = Willkommen, { $name }! Ihr Profil ist bereit.
open-profile = Öffnen
welcome = Willkommen, { $name }!
interface-language = Sprache der Oberfläche

## Katalog
catalogue-title = Ihre Module
catalogue-lead = { $count ->
    [0] Es ist noch kein Modul installiert.
    [one] Auf diesem Computer ist ein Modul installiert.
   *[other] Auf diesem Computer sind { $count } Module installiert.
}
catalogue-empty = Installieren Sie ein Modul, um mit dem Lernen zu beginnen. Meist erhalten Sie das Modul von Ihrer Kursleitung als .zip-Datei.
module-languages = Sprachen
content-language-fallback = Dieses Modul gibt es nicht auf { $wanted }: Es wird auf { $shown } angezeigt. Sie können eine andere seiner Sprachen wählen.
content-language-label = Sprache dieses Moduls
module-duration = Geschätzte Dauer
module-organisation = Organisation
module-version = Version
minutes = { $minutes ->
    [one] etwa 1 Minute
   *[other] etwa { $minutes } Minuten
}
progress-label = Fortschritt in { $title }
activities-done = { $done } von { $total } { $total ->
    [one] Aktivität
   *[other] Aktivitäten
} erledigt
completed = Abgeschlossen
verified-by = Geprüft von { $organisation }
unsigned = Nicht signiert
signed-unknown = Von einer unbekannten Organisation signiert
resume = Fortsetzen
start = Beginnen

## Modul
objectives = Was Sie lernen werden
activities = Aktivitäten
module-progress = Ihr Fortschritt
module-completed = Modul abgeschlossen
module-completed-on = Abgeschlossen am { $date }.
completion-rule-intro = Um dieses Modul abzuschließen:
rule-lessons = jede Lektion bis zum Ende lesen;
rule-videos = mindestens { $percent } % jedes Videos ansehen;
rule-quizzes = jedes Quiz bestehen.
status-not-started = Nicht begonnen
status-in-progress = Begonnen
status-done = Erledigt
kind-lesson = Lektion
kind-video = Video
kind-quiz = Quiz
video-watched-percent = Angesehen: { $percent }
quiz-attempts = { $count ->
    [one] 1 Versuch
   *[other] { $count } Versuche
}
quiz-best = bestes Ergebnis { $score }

## Lektion
text-size = Schriftgröße
text-smaller = Kleinere Schrift
text-larger = Größere Schrift
text-size-now = Schriftgröße: { $size } %
mark-as-read = Als gelesen markieren
lesson-is-read = Sie haben diese Lektion gelesen.
lesson-not-read = Scrollen Sie bis zum Ende der Lektion oder markieren Sie sie als gelesen.
lesson-marked-read = Die Lektion wurde als gelesen markiert.
lesson-reached-end = Sie sind am Ende der Lektion angekommen. Sie ist als gelesen markiert.
link-inside-module = Dieser Link führt zu einer Datei des Moduls, die hier nicht geöffnet werden kann.
external-link-title = Ein Link zu einer Website
external-link-text = Dieser Link führt zu einer Website außerhalb von DLIS Learn. Um sie zu besuchen, kopieren Sie die Adresse und fügen Sie sie in Ihren Browser ein.
external-mail-text = Das ist eine E-Mail-Adresse. Um an diese Adresse zu schreiben, kopieren Sie sie in Ihr E-Mail-Programm.
external-link-address = Adresse
external-link-copied = Die Adresse wurde kopiert.

## Video
video-label = Video: { $title }
video-controls = Videosteuerung
video-play = Abspielen
video-pause = Pause
video-back = { $seconds } s zurück
video-forward = { $seconds } s vor
video-speed = Geschwindigkeit
video-speed-now = Geschwindigkeit: { $speed }-fach
subtitles = Untertitel
subtitles-off = Aus
transcript = Transkript
transcript-missing = Für dieses Video gibt es kein Transkript.
video-resuming = Es geht dort weiter, wo Sie aufgehört haben: bei { $time }.
video-start-over = Von vorne beginnen
video-from-start = Wiedergabe von Anfang an.
video-completed = Angesehen: { $percent }. Dieses Video ist erledigt.
video-at = Bei { $time }
video-muted = Ton aus
video-unmuted = Ton an
video-error = Das Video kann nicht abgespielt werden. Möglicherweise muss das Modul neu installiert werden.
video-keys-title = Tastenkürzel
video-key-play = Leertaste oder K: abspielen oder anhalten
video-key-seek = Pfeiltasten links und rechts: 5 Sekunden zurück oder vor
video-key-jump = J und L: 10 Sekunden zurück oder vor; Pos1 und Ende: Anfang und Ende
video-key-mute = M: Ton an oder aus
video-key-captions = C: Untertitel ein- oder ausblenden
video-key-speed = < und >: langsamer oder schneller

## Quiz
quiz-before-you-start = Bevor Sie beginnen
quiz-question-count = { $count ->
    [one] 1 Frage
   *[other] { $count } Fragen
}
quiz-pass-mark = Bestehensgrenze: { $percent } %
quiz-max-attempts = { $count ->
    [one] 1 Versuch erlaubt
   *[other] { $count } Versuche erlaubt
}
quiz-unlimited = So viele Versuche, wie Sie möchten
quiz-feedback-immediate = Nach jeder Antwort sehen Sie, ob sie richtig ist.
quiz-feedback-end = Ihre Ergebnisse sehen Sie, wenn Sie alle Fragen beantwortet haben.
quiz-status-passed = Sie haben dieses Quiz bestanden (bestes Ergebnis: { $score }).
quiz-status-not-passed = { $count ->
    [one] Sie haben 1 Versuch gemacht (bestes Ergebnis: { $score }).
   *[other] Sie haben { $count } Versuche gemacht (bestes Ergebnis: { $score }).
}
quiz-attempts-left = { $count ->
    [0] Keine Versuche mehr.
    [one] Noch 1 Versuch.
   *[other] Noch { $count } Versuche.
}
quiz-attempt-number = Versuch { $n }
quiz-no-attempts-left = Sie haben alle Versuche für dieses Quiz genutzt.
quiz-start = Quiz beginnen
quiz-continue = Dort weitermachen, wo Sie aufgehört haben
quiz-retry = Noch einmal versuchen
quiz-progress = Fortschritt im Quiz
question-of = Frage { $n } von { $total }
question-image = Abbildung zur Frage
quiz-confirm = Antwort bestätigen
quiz-next = Nächste Frage
quiz-finish = Fertig
quiz-answer-saved = Antwort gespeichert.
quiz-choose-one = Bitte wählen Sie eine Antwort.
quiz-choose-some = Bitte wählen Sie mindestens eine Antwort.
quiz-choose-all = Wählen Sie alle zutreffenden Antworten.
quiz-type-answer = Bitte geben Sie Ihre Antwort ein.
quiz-match-hint = Wählen Sie zu jedem Eintrag den passenden aus.
quiz-match-choose = Auswählen …
quiz-match-missing = Bitte wählen Sie für jeden Eintrag eine Zuordnung.
quiz-order-hint = Bringen Sie die Einträge mit den Schaltflächen „nach oben“ und „nach unten“ in die richtige Reihenfolge.
move-up = Nach oben: { $item }
move-down = Nach unten: { $item }
moved-to = { $item }: jetzt an Position { $position } von { $total }.
true = Richtig
false = Falsch
your-answer = Ihre Antwort
not-answered = Nicht beantwortet
feedback-correct = Richtig.
feedback-incorrect = Nicht richtig.
feedback-partly = Teilweise richtig.
points = ({ $score } von { $max } { $max ->
    [one] Punkt
   *[other] Punkten
})
quiz-all-answered = Sie haben alle Fragen beantwortet
quiz-submit-text = Senden Sie Ihre Antworten ab, um Ihr Ergebnis zu sehen. Danach können Sie sie nicht mehr ändern.
quiz-submit = Mein Ergebnis anzeigen
quiz-passed = Gut gemacht: bestanden!
quiz-failed = Diesmal nicht bestanden
quiz-score-detail = { $score } von { $max } { $max ->
    [one] Punkt
   *[other] Punkten
}. Die Bestehensgrenze liegt bei { $mark } %.
quiz-review = Ihre Antworten

## Installation
install-title = Modul installieren
install-lead = Module erhalten Sie als .zip-Datei, zum Beispiel auf einem USB-Stick oder per E-Mail.
install-how = Wählen Sie die Moduldatei auf diesem Computer aus.
install-choose = Moduldatei auswählen …
install-drop-hint = Sie können die Datei auch auf dieses Fenster ziehen.
install-filter-name = DLIS-Learn-Modul
install-checking = Die Datei wird geprüft …
install-invalid-title = Diese Datei kann nicht installiert werden
install-invalid-text = Es ist kein vollständiges, gültiges DLIS-Learn-Modul: Es ist vielleicht beschädigt oder unvollständig. Es wurde nichts installiert. Bitten Sie die Person, die es Ihnen gegeben hat, um eine neue Kopie.
install-problems = { $count ->
    [one] Einzelheiten zum Problem (für Ihre Kursleitung)
   *[other] Einzelheiten zu den { $count } Problemen (für Ihre Kursleitung)
}
install-new = Dieses Modul ist noch nicht installiert.
install-do = Installieren
install-upgrade = Version { $from } dieses Moduls ist installiert. Diese Datei enthält die neuere Version { $to }. Ihr Fortschritt bleibt erhalten.
install-upgrade-do = Modul aktualisieren
install-older = Eine neuere Version ({ $installed }) dieses Moduls ist installiert. Diese Datei enthält eine ältere Version ({ $offered }). Meist brauchen Sie sie nicht.
install-keep-current = Neuere Version behalten
install-downgrade = Ältere Version trotzdem installieren
install-same = Version { $version } dieses Moduls ist bereits installiert.
install-again = Prüfen und neu installieren
install-starting = Wird vorbereitet …
install-running = Das Modul wird installiert …
install-progress = Fortschritt der Installation
phase-copying = Die Datei wird kopiert …
phase-verifying = Jede Datei des Moduls wird geprüft …
phase-hashing = Die Dateien werden geprüft …
phase-packing = Wird gepackt …
install-success-title = Das Modul ist bereit
install-done = Version { $version } wurde installiert.
install-upgraded = Das Modul wurde von Version { $from } auf Version { $to } aktualisiert.
install-replaced = Version { $from } wurde durch Version { $to } ersetzt.
install-unchanged = Genau dieses Modul war bereits installiert. Es musste nichts geändert werden.
install-open = Modul öffnen
install-another = Ein weiteres Modul installieren
install-failed = Das Modul wurde nicht installiert

## Einstellungen
settings-title = Einstellungen
settings-display = Anzeige
settings-language-follow = Die bevorzugte Sprache der lernenden Person
settings-language-hint = Standardmäßig verwendet die Oberfläche die bevorzugte Sprache der Person, die sie gerade benutzt.
settings-high-contrast = Hoher Kontrast (heller Text auf dunklem Hintergrund)
settings-reduce-motion = Bewegung reduzieren
settings-reduce-motion-hint = Animationen sind bereits reduziert, wenn Ihr Computer das verlangt.
settings-theme = Farben meines Profils
settings-theme-hint = Wer dem Computer folgt, bekommt seinen hellen oder dunklen Modus und seine Kontrasteinstellung, auch wenn sie sich ändern.
theme-system = Wie der Computer
theme-light = Hell
theme-dark = Dunkel
theme-contrast = Hoher Kontrast
settings-idle-lock = Profil nach dieser Zeit ohne Aktivität sperren
settings-idle-lock-hint = Auf einem gemeinsam genutzten Computer kehrt ein offen gelassenes Profil von selbst zur Liste der Lernenden zurück, und ein Profil mit PIN fragt sie erneut ab.
idle-minutes = { $minutes ->
    [one] 1 Minute
   *[other] { $minutes } Minuten
}
idle-never = Nie
idle-warning = Seit einer Weile keine Aktivität: Dieses Profil wird in { $seconds ->
    [one] 1 Sekunde
   *[other] { $seconds } Sekunden
} gesperrt.
idle-stay = Angemeldet bleiben
idle-locked = Das Profil wurde nach { $minutes } Minuten ohne Aktivität gesperrt.
settings-saved = Gespeichert.
settings-profile = Profil: { $name }
delete-profile = Dieses Profil löschen
delete-profile-hint = Beim Löschen eines Profils wird sein gesamter Fortschritt auf diesem Computer entfernt. Bereits an Ihre Einrichtung gesendete Datensätze sind davon nicht betroffen.
delete-profile-title = Profil „{ $name }“ löschen?
delete-profile-text = Der gesamte Fortschritt dieses Profils auf diesem Computer geht verloren. Das lässt sich nicht rückgängig machen.
delete-profile-confirm = Profil löschen
profile-deleted = Das Profil wurde gelöscht.
settings-records = Lerndaten
records-lead = Ihr Fortschritt kann an Ihre Einrichtung gesendet werden, damit Ihre Kursleitung ihn verfolgen kann. Gesendet wird nur eine pseudonyme Nummer, nie Ihr Name.
institution-title = Einrichtung
institution-lead = Diese Angaben erhalten Sie von Ihrer Kursleitung.
institution-name = Name der Einrichtung
institution-home = Webadresse der Einrichtung
institution-home-hint = Dient zur Identifizierung der Konten der Lernenden, zum Beispiel https://example.org
institution-endpoint = Adresse des Lerndaten-Servers (LRS)
institution-endpoint-hint = Zum Beispiel https://lrs.example.org/xapi/
institution-user = Benutzername
institution-password = Passwort
institution-identifier-label = Womit Lernende ihr Profil verknüpfen dürfen (optional)
institution-identifier-label-hint = Zum Beispiel „Matrikelnummer“. Leer lassen: Alle Profile bleiben pseudonym. Die Lernenden entscheiden selbst, nach einem Einwilligungsbildschirm.
institution-identifier-pattern = Wie sie geschrieben wird (optional)
institution-identifier-pattern-hint = Ein regulärer Ausdruck, dem die ganze Kennung entsprechen muss, zum Beispiel [0-9]{"{"}8{"}"} für acht Ziffern.
institution-password-keep = Leer lassen, um das aktuelle Passwort zu behalten (nur solange Serveradresse und Benutzername gleich bleiben).
sync-title = Senden der Datensätze
sync-pending = Noch nicht gesendet
sync-sent = Bereits gesendet
sync-last-success = Letztes erfolgreiches Senden
sync-last-error = Letztes Problem
sync-rejected = { $count ->
    [one] 1 Datensatz wurde vom Server abgelehnt
   *[other] { $count } Datensätze wurden vom Server abgelehnt
}
sync-now = Jetzt senden
sync-sending = Wird gesendet …
sync-done = { $pending ->
    [0] Alles wurde gesendet.
    [one] Gesendet. 1 Datensatz wartet noch.
   *[other] Gesendet. { $pending } Datensätze warten noch.
}
sync-needs-institution = Tragen Sie oben die Angaben zur Einrichtung ein, um Datensätze zu senden.
export-title = Exportieren
export-lead = Ohne Internetverbindung können Sie die Datensätze in einer Datei speichern und diese Ihrer Kursleitung geben.
export-records = Datensätze exportieren …
export-filter-name = DLIS-Learn-Export
export-writing = Die Datei wird geschrieben …
export-done = { $count ->
    [one] 1 Datensatz wurde in { $path } gespeichert.
   *[other] { $count } Datensätze wurden in { $path } gespeichert.
}
settings-about = Über
about-version = Version von DLIS Learn
about-data = Speicherort der Daten

## Beschädigte Fortschrittsdatenbank
damaged-title = Ihr Fortschritt kann nicht geöffnet werden
damaged-text = Die Datei, in der DLIS Learn den Fortschritt aller auf diesem Computer speichert, ist beschädigt oder stammt aus einer neueren Version von DLIS Learn. Es wurde nichts verändert oder gelöscht.
damaged-details = Technische Einzelheiten
damaged-what-now = Was Sie tun können
damaged-option-help = Bitten Sie Ihre Kursleitung oder die IT-Betreuung Ihrer Einrichtung um Hilfe: Vielleicht lässt sich die Datei reparieren.
damaged-option-fresh = Oder beginnen Sie neu mit leerem Fortschritt. Die beschädigte Datei wird beiseitegelegt, nicht gelöscht, und kann später noch repariert werden.
damaged-where = Datenordner: { $path }
damaged-consent = Ich verstehe, dass der Fortschritt aus der beschädigten Datei nicht mehr angezeigt wird.
damaged-consent-needed = Bitte kreuzen Sie zuerst das Kästchen an, um zu bestätigen, dass Sie das verstanden haben.
damaged-start-fresh = Mit leerem Fortschritt neu beginnen
damaged-confirm-title = Mit leerem Fortschritt neu beginnen?
damaged-confirm-text = Die beschädigte Datei wird beiseitegelegt. DLIS Learn startet ohne Profile und ohne Fortschritt.
damaged-done = Eine neue, leere Fortschrittsdatei wurde angelegt. Die beschädigte wurde als { $path } aufbewahrt.

## Kursleitungs-PIN (Einstellungen der Einrichtung, Installieren von Modulen)
institution-trainer-only = Nur die Kursleitung kann diese Einstellungen ändern: Beim Speichern wird die Kursleitungs-PIN verlangt.
institution-unencrypted = Diese Adresse beginnt mit http://: Das Passwort und die Datensätze der Lernenden würden unverschlüsselt durch das Netzwerk gehen. Fragen Sie Ihre Einrichtung nach ihrer Adresse, die mit https:// beginnt.
trainer-title = Kursleitungs-PIN
trainer-pin-is-set = Eine Kursleitungs-PIN schützt die Einstellungen der Einrichtung und die Installation von Modulen auf diesem Computer.
trainer-pin-not-set = Es ist noch keine Kursleitungs-PIN festgelegt. Die Kursleitung legt sie beim Einrichten dieses Computers fest; Lernende dürfen sie nicht kennen.
trainer-pin-save = Kursleitungs-PIN festlegen
trainer-pin-change = Kursleitungs-PIN ändern
trainer-pin-saved = Die Kursleitungs-PIN wurde gespeichert.
trainer-lock = Geschützte Einstellungen sperren
trainer-locked = Die geschützten Einstellungen sind gesperrt.
trainer-enter-title = Kursleitungs-PIN
trainer-enter-lead = Dies ist der Kursleitung vorbehalten: Geben Sie die Kursleitungs-PIN ein, um fortzufahren.
trainer-unlock = Weiter
trainer-choose-title = Kursleitungs-PIN wählen
trainer-choose-lead = Die Kursleitungs-PIN schützt, wohin die Datensätze der Lernenden gesendet werden und welche Module auf diesem Computer installiert sind. Wählen Sie sie jetzt und behalten Sie sie der Kursleitung vor. Danach wird sie nie wieder angezeigt.
trainer-pin = Kursleitungs-PIN
trainer-pin-new = Neue Kursleitungs-PIN
trainer-pin-current = Aktuelle Kursleitungs-PIN
trainer-pin-hint = 4 bis 12 Ziffern.
trainer-change-title = Kursleitungs-PIN ändern

## Wer ein Modul signiert hat (Installationsansicht)
install-signature = Signatur
install-installed-signature = Installierte Kopie
install-signed-verified = Geprüft: signiert von { $organisation }
install-signed-untrusted = Mit einem Schlüssel signiert, dem dieser Computer nicht vertraut (angegebener Name: „{ $organisation }“)
install-unsigned = Nicht signiert
install-not-verified = Nicht von einer vertrauenswürdigen Organisation signiert
install-signer-changed-unsigned = Die installierte Kopie wurde von { $installed } signiert, einer vertrauenswürdigen Organisation, und diese Datei ist nicht signiert. Eine nicht signierte Moduldatei kann jede Person erstellen: Installieren Sie sie nur, wenn Sie wissen, woher sie stammt.
install-signer-changed-other = Die installierte Kopie wurde von { $installed } signiert, einer vertrauenswürdigen Organisation, und diese Datei mit einem anderen Schlüssel (angegebener Name: „{ $offered }“). Installieren Sie sie nur, wenn Sie wissen, woher sie stammt.
install-anyway = Trotzdem installieren

## Über (Einstellungen): portable Kopie, ein Problem melden, Lizenzen
about-portable = Dies ist eine portable Kopie: Die Daten liegen im Ordner „data“ neben dem Programm und reisen mit ihm (zum Beispiel auf einem USB-Stick).
about-report-title = Ein Problem melden
about-report-institution = Wenden Sie sich an Ihre Kursleitung oder an { $institution } ({ $address }), die Einrichtung, die die Datensätze dieses Computers erhält.
about-report-default = Wenden Sie sich an Ihre Kursleitung oder an die Partnereinrichtung des DLIS-Projekts, die Ihre Ausbildung durchführt.
about-report-details = Geben Sie an, welche Version von DLIS Learn Sie verwenden (oben angezeigt), was Sie gerade getan haben und was passiert ist.
about-licences-title = Lizenzen
about-licences-error = Die Liste der Lizenzen kann nicht angezeigt werden.
about-app-licence = DLIS Learn ist freie Software: Sie dürfen es unter den Bedingungen der Open-Source-Lizenz für die Europäische Union ({ $licence }) nutzen, untersuchen, weitergeben und verbessern.
about-app-licence-read = Die Lizenz lesen ({ $licence })
about-samples-licence = Die Beispielmodule sind offene Bildungsmaterialien unter der Creative-Commons-Lizenz CC BY-SA 4.0.
about-third-party-title = Von anderen erstellte Komponenten
about-third-party-lead = DLIS Learn ist mit { $count ->
    [one] 1 Komponente
   *[other] { $count } Komponenten
} gebaut, die andere erstellt haben (Rust-Bibliotheken, „Crates“ genannt, und JavaScript-Code). Sie sind nach Lizenz geordnet, jeweils mit dem vollständigen Lizenztext. Der Quellcode jeder Rust-Bibliothek ist auf crates.io veröffentlicht.
about-third-party-show = Lizenzen der Komponenten von Dritten ({ $count })
about-components = { $count ->
    [one] 1 Komponente
   *[other] { $count } Komponenten
}
about-licence-text = Text der Lizenz { $licence } für { $count ->
    [one] diese Komponente
   *[other] diese { $count } Komponenten
}
about-javascript = JavaScript
about-only-on = nur unter { $platforms }

# Private notes on lessons and capsules
notes-title = Meine Notizen
notes-hint = Nur Sie sehen Ihre Notizen: Sie gehen nie an Ihre Einrichtung.
note-label = Neue Notiz
note-add = Notiz hinzufügen
note-add-at = Notiz bei { $time } hinzufügen
note-jump = Zurück zu { $time } im Video
note-delete = Löschen
note-delete-label = Die Notiz „{ $text }“ löschen
notes-empty = Hier noch keine Notizen.
note-empty = Schreiben Sie zuerst etwas.
note-added = Notiz hinzugefügt.
note-deleted = Notiz gelöscht.
notes-export = Meine Notizen exportieren…
notes-export-lead = Alle Ihre Notizen, Modul für Modul, in einer Markdown-Datei, die Sie aufbewahren, wo Sie möchten.
notes-export-title = Notizen von { $name }
notes-exported = { $count ->
    [one] 1 Notiz in { $path } geschrieben
   *[other] { $count } Notizen in { $path } geschrieben
}
notes-file-name = meine-notizen

## The module inside an LMS (SCORM package)
lms-preview = Dies ist eine Vorschau: Keine Lernplattform ist verbunden, Ihr Fortschritt wird nicht gespeichert.
lms-progress-reset = Dieses Modul hat sich seit Ihrem letzten Besuch geändert: Ihr Fortschritt beginnt von vorn.
lms-export-title = Für Lehrende: dieses Modul in einer Lernplattform
lms-export-lead = Speichern Sie es als Paket für Moodle oder eine andere Lernplattform. Die Antworten des Quiz sind im Paket enthalten.
lms-export-button = Für eine Lernplattform exportieren…
lms-export-done = Gespeichert: { $path }
lms-format-label = Standard
lms-format-scorm12 = SCORM 1.2 (SCORM-Aktivität von Moodle, die meisten Lernplattformen)
lms-format-cmi5 = cmi5 (xAPI, an den LRS der Lernplattform)

## Search
nav-search = Suchen
search-title = Suchen
search-label = In allen installierten Modulen suchen
search-button = Suchen
search-count = { $count ->
    [0] Nichts gefunden für „{ $query }“
    [one] Eine Stelle gefunden für „{ $query }“
   *[other] { $count } Stellen gefunden für „{ $query }“
}
search-place-note = Ihre Notiz
search-place-title = Titel des Moduls
search-place-description = Beschreibung des Moduls
search-place-objective = Lernziel
search-place-activity-title = Titel der Aktivität
search-place-lesson = Lektion
search-place-transcript = Transkript
search-place-subtitle = Untertitel
video-at-found = Geöffnet bei { $time }, wo die Stelle gesprochen wird.

## Attestation of training
attestation-title = Teilnahmebescheinigung
attestation-attests = Hiermit wird bescheinigt, dass
attestation-completed-module = das Fortbildungsmodul abgeschlossen hat
attestation-issued-by = Ausgestellt von
attestation-completed-on = Abgeschlossen am
attestation-time-spent = Aufgewendete Zeit
attestation-minutes = Minuten
attestation-score = Quiz-Ergebnis
attestation-objectives = Lernziele
attestation-code = Prüfcode
attestation-note = Die Einrichtung kann diesen Code mit den erhaltenen Daten abgleichen. Diese Bescheinigung ist kein signierter Nachweis.
attestation-button = Meine Bescheinigung speichern (PDF)…
attestation-file-name = bescheinigung
attestation-saved = Bescheinigung gespeichert: { $path } (Code { $code })

## Selbsteinschätzung (Fragebogen)
kind-survey = Selbsteinschätzung
rule-surveys = jede Selbsteinschätzung einmal ausfüllen.
survey-takes = { $count ->
    [one] Einmal ausgefüllt
   *[other] { $count }-mal ausgefüllt
}
survey-before-you-start = Bevor Sie beginnen
survey-what-is-sent = Ihre Antworten und Ihr Profil werden in Ihrem Profil auf diesem Computer gespeichert und, wie Ihr übriger Fortschritt, an Ihre Bildungseinrichtung übermittelt, wenn sie die Daten erhebt. Ihre schriftliche Reflexion wird nie übermittelt.
survey-reflection-private = Was Sie hier schreiben, bleibt in Ihrem Profil auf diesem Computer: Es wird nie übermittelt.
survey-missing = { $count ->
    [one] Eine Aussage ist noch nicht bewertet: Bitte bewerten Sie sie vor dem Absenden.
   *[other] { $count } Aussagen sind noch nicht bewertet: Bitte bewerten Sie sie vor dem Absenden.
}
survey-submit = Mein Profil ansehen
survey-saved = Ihre Selbsteinschätzung ist gespeichert.
survey-profile = Ihr Profil
survey-taken-on = Ausgefüllt am { $date }.
survey-compared = { $count }-mal ausgefüllt: das erste Mal ({ $first }) neben dem letzten ({ $latest }).
survey-table-caption = Mittelwert je Dimension, von 1 bis { $scale }
survey-dimension = Dimension
survey-first-take = Erstes Mal ({ $date })
survey-latest-take = Letztes Mal ({ $date })
survey-your-score = Ihr Mittelwert
survey-recommended = Module, die Ihnen helfen können
survey-recommended-for = für: { $dimensions }
survey-nothing-weak = Keine Dimension liegt unter der Mitte der Skala: derzeit kein Modul zu empfehlen.
survey-your-reflection = Ihre Reflexion
survey-take-again = Erneut ausfüllen
survey-radar-label = Netzdiagramm Ihres Mittelwerts in { $count } Dimensionen; dieselben Zahlen stehen in der Tabelle darunter.
survey-legend-latest = letztes Mal
survey-legend-first = erstes Mal

## Ein Profil mit der Kennung der Einrichtung verknüpfen; der Bildschirm „Lernnachweise“ für Kursleitungen
link-title = Mein Profil mit meiner Einrichtung verknüpfen
link-lead = { $institution } fragt nach Ihrer { $label }. Die Verknüpfung ist Ihre Entscheidung: Ohne sie tragen Ihre Daten ein zufälliges Pseudonym, und niemand bei { $institution } kann erkennen, dass sie von Ihnen sind.
link-what-title = Was sich ändert, wenn Sie verknüpfen
link-what-1 = Ihre ab jetzt gesendeten Daten (an { $institution } oder in Exportdateien) tragen Ihre { $label } statt eines Pseudonyms.
link-what-2 = Ein signierter Eintrag teilt { $institution } mit, dass Ihre früheren Daten auf diesem Computer ebenfalls von Ihnen sind.
link-what-3 = Ihr Name, Ihre PIN, Ihre Notizen und Ihre schriftlichen Reflexionen verlassen diesen Computer weiterhin nie.
link-what-4 = Sie können die Verknüpfung jederzeit aufheben: Das gilt ab diesem Zeitpunkt. Was bereits gesendet wurde, bleibt bei { $institution }, auch wenn Sie Ihr Profil löschen.
link-identifier = Ihre { $label }
link-agree = Ich habe gelesen, was sich ändert, und bin mit der Verknüpfung meines Profils einverstanden.
link-submit = Mein Profil verknüpfen
link-must-agree = Setzen Sie das Häkchen, um zuzustimmen, oder verlassen Sie diese Seite: Ohne Ihre Zustimmung wird nichts verknüpft.
link-done = Ihr Profil ist seit { $date } mit { $identifier } verknüpft.
link-linked-now = Ihr Profil ist verknüpft.
link-unlink = Verknüpfung meines Profils aufheben
link-unlink-confirm = Verknüpfung aufheben? Ihre Daten tragen ab jetzt ein neues Pseudonym. Was bereits gesendet wurde, bleibt bei { $institution }.
link-unlinked = Ihr Profil ist nicht mehr verknüpft.
link-not-asked = Ihre Einrichtung fragt nach keiner Kennung: Ihre Daten bleiben pseudonym.
link-settings-lead = Wenn Ihre Einrichtung nach Ihrer Matrikelnummer oder E-Mail-Adresse fragt, können Sie Ihr Profil damit verknüpfen, nachdem Sie gelesen haben, was sich ändert.
settings-link = Mit meiner Einrichtung verknüpfen…
settings-open-records = Lernnachweise öffnen (Kursleitung)…
records-title = Lernnachweise
records-screen-lead = Führen Sie die Exportdateien mehrerer Computer, von einem USB-Stick, zu einem Bericht zusammen, mit denselben Zahlen wie der Befehl dlis merge. Für Kursleitungen.
records-import = Exportdateien hinzufügen…
records-roster = Namen aus einer Liste…
records-roster-none = Keine Liste: Lernende erscheinen mit ihrer Kennung. Eine Liste ist eine CSV-Datei Kennung,Name, die auf diesem Computer bleibt.
records-roster-set = Namen aus { $path }
records-name = Name
records-save = Bericht speichern…
records-clear = Neue Liste beginnen
records-cleared = Die Liste der Exportdateien ist wieder leer.
records-saved = Bericht gespeichert: { $path }
records-empty = Noch keine Exportdatei: Fügen Sie die Dateien hinzu, die die Computer exportiert haben.
records-files = Zusammengeführte Exportdateien: { $count }
records-refused = Abgelehnte Dateien (ihre Daten sind nicht im Bericht)
records-summary = Was die Zusammenführung ergab
records-rows-caption = Eine Zeile je Lernende/r und Modul
records-learner = Lernende/r
records-module = Modul
records-completed = Abgeschlossen
records-score = Bestes Ergebnis
records-time = Aufgewendete Zeit
records-code = Bestätigungscode
records-minutes = { $minutes } Min.
records-yes = ja
records-no = nein
records-items-title = Zu überarbeitende Fragen
records-items-lead = Eine Frage, die wenige Lernende beim ersten Versuch richtig beantworten oder die die Schwächsten ebenso gut beantworten wie die Besten (Trennschärfe nahe 0 oder negativ), sollte vielleicht neu formuliert werden.
records-question = Frage
records-learners = Lernende
records-right-first = Beim ersten Versuch richtig
records-discrimination = Trennschärfe
