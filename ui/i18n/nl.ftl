# DLIS Learn — teksten van de interface, Nederlands (aanspreekvorm ‘u’).
# Written by a helper; not reviewed by a native professional yet.

app-name = DLIS Learn
skip-to-content = Naar de inhoud
nav-label = Hoofdmenu
nav-catalogue = Modules
nav-install = Module installeren
nav-settings = Instellingen
nav-profiles = Lerenden
signed-in-as = Lerende: { $name }
switch-learner = Andere lerende
signed-out = U hebt uw profiel verlaten. De volgende persoon kan nu een eigen profiel kiezen.
breadcrumbs = U bent hier
back-to-catalogue = Terug naar de modules
back-to-module = Terug naar de module
activity-navigation = Verder
next-activity = Volgende: { $title }
ok = OK
cancel = Annuleren
close = Sluiten
save = Opslaan
copy = Kopiëren
never = Nooit
version = Versie { $version }
table = Tabel { $n }
quoted = ‘{ $text }’
drop-here = Sleep het modulebestand (.zip) hierheen om het te installeren

## Fouten
error-title = Er is iets misgegaan
error-wrong-pin = Deze pincode klopt niet. Probeer het opnieuw.
error-bad-pin = Een pincode heeft 4 tot 12 cijfers (alleen cijfers).
error-pin-mismatch = De twee pincodes zijn niet gelijk. Typ twee keer dezelfde pincode.
error-empty-name = Vul een naam in.
error-name-too-long = Deze naam is te lang (hoogstens 80 tekens).
error-name-control = Een naam mag letters, cijfers, spaties en leestekens bevatten, maar geen onzichtbare stuurtekens.
error-language = Deze taal wordt niet herkend.
error-unreachable = De server van de organisatie was niet bereikbaar (geen internetverbinding, of de server is bezet). Uw registraties blijven veilig bewaard en worden later verzonden.
error-credentials = De server van de organisatie heeft de gebruikersnaam of het wachtwoord geweigerd. Controleer ze samen met uw organisatie.
error-no-institution = Er is nog geen organisatie ingesteld.
error-no-attempts = U hebt geen pogingen meer voor deze quiz.
error-older = Er is al een nieuwere versie van deze module geïnstalleerd. Er is niets geïnstalleerd.
error-same-version-differs = Deze versie is al geïnstalleerd, maar het bestand is anders. Er is niets geïnstalleerd; vraag de auteur van de module om een nieuw versienummer.
error-no-activity = Deze activiteit bestaat niet in de module.
error-required = Vul dit veld in.
error-not-installed = Deze module is niet (meer) geïnstalleerd op deze computer.
error-trainer-only = Hiervoor is de opleiderspincode nodig.
error-identifier = Deze code is niet geschreven zoals uw instelling hem schrijft: controleer hem (zonder spaties) en probeer opnieuw.
error-pin-locked = Te veel verkeerde pincodes: deze pincode is een tijdje geblokkeerd, en elke nieuwe verkeerde pincode blokkeert hem langer. Wacht even en probeer het dan opnieuw.
error-password-needed = Typ het wachtwoord: een opgeslagen wachtwoord wordt alleen gebruikt voor het serveradres en de gebruikersnaam waarvoor het is opgegeven.
error-signer-changed = De geïnstalleerde module is ondertekend door een vertrouwde organisatie, en dit bestand is niet met dezelfde sleutel ondertekend. Er is niets geïnstalleerd.

## Profielen
profiles-title = Wie leert er vandaag?
profiles-lead = Iedere lerende heeft een eigen profiel op deze computer, zodat ieders voortgang apart blijft.
profiles-choose = Kies uw profiel
profiles-none = Er is nog geen profiel op deze computer. Maak uw profiel aan om te beginnen.
profile-has-pin = Beveiligd met een pincode
profile-new = Nieuw profiel aanmaken
profile-name = Uw naam
profile-name-hint = Alleen zichtbaar op deze computer. Wordt nooit naar iemand verzonden.
profile-language = Voorkeurstaal
profile-language-hint = Modules worden in deze taal getoond als ze in die taal bestaan.
pin-optional = Pincode (niet verplicht)
pin-hint = 4 tot 12 cijfers. Met een pincode kunnen anderen uw profiel op een gedeelde computer niet openen.
pin-confirm = Typ de pincode nog een keer
pin-label = Pincode
pin-new = Nieuwe pincode
pin-title = Pincode
pin-is-set = Uw profiel is beveiligd met een pincode.
pin-not-set = Uw profiel heeft geen pincode: iedereen die deze computer gebruikt, kan het openen.
pin-set = Pincode instellen
pin-change = Pincode wijzigen
pin-remove = Pincode verwijderen
pin-saved = Uw pincode is opgeslagen.
pin-removed = Uw pincode is verwijderd.
pin-prompt-title = Pincode voor { $name }
profile-create = Mijn profiel aanmaken
profile-created = Welkom, { $name }! Uw profiel is klaar.
open-profile = Openen
welcome = Welkom, { $name }!
interface-language = Taal van de interface

## Catalogus
catalogue-title = Uw modules
catalogue-lead = { $count ->
    [0] Er is nog geen module geïnstalleerd.
    [one] Er is één module geïnstalleerd op deze computer.
   *[other] Er zijn { $count } modules geïnstalleerd op deze computer.
}
catalogue-empty = Installeer een module om te beginnen met leren. Meestal krijgt u de module van uw opleider als .zip-bestand.
module-languages = Talen
content-language-fallback = Deze module bestaat niet in het { $wanted }: ze wordt getoond in het { $shown }. U kunt een andere taal van de module kiezen.
content-language-label = Taal van deze module
module-duration = Geschatte duur
module-organisation = Organisatie
module-version = Versie
minutes = { $minutes ->
    [one] ongeveer 1 minuut
   *[other] ongeveer { $minutes } minuten
}
progress-label = Voortgang in { $title }
activities-done = { $done } van { $total } { $total ->
    [one] activiteit
   *[other] activiteiten
} gedaan
completed = Afgerond
verified-by = Gecontroleerd door { $organisation }
unsigned = Niet ondertekend
signed-unknown = Ondertekend door een onbekende organisatie
resume = Verdergaan
start = Beginnen

## Module
objectives = Wat u gaat leren
activities = Activiteiten
module-progress = Uw voortgang
module-completed = Module afgerond
module-completed-on = Afgerond op { $date }.
completion-rule-intro = Om deze module af te ronden:
rule-lessons = lees elke les tot het einde;
rule-videos = bekijk minstens { $percent }% van elke video;
rule-quizzes = slaag voor elke quiz.
status-not-started = Niet begonnen
status-in-progress = Bezig
status-done = Gedaan
kind-lesson = Les
kind-video = Video
kind-quiz = Quiz
video-watched-percent = Bekeken: { $percent }
quiz-attempts = { $count ->
    [one] 1 poging
   *[other] { $count } pogingen
}
quiz-best = beste score { $score }

## Les
text-size = Tekstgrootte
text-smaller = Kleinere tekst
text-larger = Grotere tekst
text-size-now = Tekstgrootte: { $size }%
mark-as-read = Markeren als gelezen
lesson-is-read = U hebt deze les gelezen.
lesson-not-read = Scrol naar het einde van de les, of markeer de les als gelezen.
lesson-marked-read = De les is gemarkeerd als gelezen.
lesson-reached-end = U bent aan het einde van de les. De les is gemarkeerd als gelezen.
link-inside-module = Deze link verwijst naar een bestand van de module dat hier niet kan worden geopend.
external-link-title = Een link naar een website
external-link-text = Deze link leidt naar een website buiten DLIS Learn. Kopieer het adres en plak het in uw webbrowser om de website te bezoeken.
external-mail-text = Dit is een e-mailadres. Kopieer het naar uw e-mailprogramma om naar dit adres te schrijven.
external-link-address = Adres
external-link-copied = Het adres is gekopieerd.

## Video
video-label = Video: { $title }
video-controls = Videobediening
video-play = Afspelen
video-pause = Pauzeren
video-back = { $seconds } s terug
video-forward = { $seconds } s vooruit
video-speed = Snelheid
video-speed-now = Afspeelsnelheid: { $speed }
subtitles = Ondertitels
subtitles-off = Uit
transcript = Transcript
transcript-missing = Er is geen transcript voor deze video.
video-resuming = U gaat verder waar u gestopt was, op { $time }.
video-start-over = Opnieuw beginnen
video-from-start = Afspelen vanaf het begin.
video-completed = Bekeken: { $percent }. Deze video is afgerond.
video-at = Op { $time }
video-muted = Geluid uit
video-unmuted = Geluid aan
video-error = De video kan niet worden afgespeeld. Misschien moet de module opnieuw worden geïnstalleerd.
video-keys-title = Sneltoetsen
video-key-play = Spatie of K: afspelen of pauzeren
video-key-seek = Pijl links en rechts: 5 seconden terug of vooruit
video-key-jump = J en L: 10 seconden terug of vooruit; Home en End: begin en einde
video-key-mute = M: geluid aan of uit
video-key-captions = C: ondertitels tonen of verbergen
video-key-speed = < en >: langzamer of sneller

## Quiz
quiz-before-you-start = Voordat u begint
quiz-question-count = { $count ->
    [one] 1 vraag
   *[other] { $count } vragen
}
quiz-pass-mark = Slaaggrens: { $percent }%
quiz-max-attempts = { $count ->
    [one] 1 poging toegestaan
   *[other] { $count } pogingen toegestaan
}
quiz-unlimited = Zoveel pogingen als u wilt
quiz-feedback-immediate = Na elk antwoord ziet u of het juist is.
quiz-feedback-end = U ziet uw resultaten zodra u alle vragen hebt beantwoord.
quiz-status-passed = U bent geslaagd voor deze quiz (beste score: { $score }).
quiz-status-not-passed = { $count ->
    [one] U hebt 1 poging gedaan (beste score: { $score }).
   *[other] U hebt { $count } pogingen gedaan (beste score: { $score }).
}
quiz-attempts-left = { $count ->
    [0] Geen pogingen meer.
    [one] Nog 1 poging.
   *[other] Nog { $count } pogingen.
}
quiz-attempt-number = Poging { $n }
quiz-no-attempts-left = U hebt alle pogingen voor deze quiz gebruikt.
quiz-start = Quiz beginnen
quiz-continue = Verdergaan waar u gestopt was
quiz-retry = Opnieuw proberen
quiz-progress = Voortgang in de quiz
question-of = Vraag { $n } van { $total }
question-image = Afbeelding bij de vraag
quiz-confirm = Antwoord bevestigen
quiz-next = Volgende vraag
quiz-finish = Klaar
quiz-answer-saved = Antwoord opgeslagen.
quiz-choose-one = Kies een antwoord.
quiz-choose-some = Kies minstens één antwoord.
quiz-choose-all = Kies alle antwoorden die juist zijn.
quiz-type-answer = Typ uw antwoord.
quiz-match-hint = Kies bij elk onderdeel wat erbij hoort.
quiz-match-choose = Kiezen…
quiz-match-missing = Kies bij elk onderdeel een koppeling.
quiz-order-hint = Zet de onderdelen in de juiste volgorde met de knoppen ‘omhoog’ en ‘omlaag’.
move-up = Omhoog: { $item }
move-down = Omlaag: { $item }
moved-to = { $item }: nu op plaats { $position } van { $total }.
true = Waar
false = Niet waar
your-answer = Uw antwoord
not-answered = Niet beantwoord
feedback-correct = Juist.
feedback-incorrect = Niet juist.
feedback-partly = Gedeeltelijk juist.
points = ({ $score } van { $max } { $max ->
    [one] punt
   *[other] punten
})
quiz-all-answered = U hebt alle vragen beantwoord
quiz-submit-text = Verstuur uw antwoorden om uw score te zien. Daarna kunt u ze niet meer wijzigen.
quiz-submit = Mijn resultaat bekijken
quiz-passed = Goed gedaan: geslaagd!
quiz-failed = Deze keer niet geslaagd
quiz-score-detail = { $score } van { $max } { $max ->
    [one] punt
   *[other] punten
}. De slaaggrens is { $mark }%.
quiz-review = Uw antwoorden

## Installatie
install-title = Module installeren
install-lead = U krijgt een module als .zip-bestand, bijvoorbeeld op een usb-stick of per e-mail.
install-how = Kies het modulebestand op deze computer.
install-choose = Modulebestand kiezen…
install-drop-hint = U kunt het bestand ook naar dit venster slepen.
install-filter-name = DLIS Learn-module
install-checking = Het bestand wordt gecontroleerd…
install-invalid-title = Dit bestand kan niet worden geïnstalleerd
install-invalid-text = Het is geen volledige, geldige DLIS Learn-module: het bestand is misschien beschadigd of onvolledig. Er is niets geïnstalleerd. Vraag de persoon die het u gaf om een nieuwe kopie.
install-problems = { $count ->
    [one] Details van het probleem (voor uw opleider)
   *[other] Details van de { $count } problemen (voor uw opleider)
}
install-new = Deze module is nog niet geïnstalleerd.
install-do = Installeren
install-upgrade = Versie { $from } van deze module is geïnstalleerd. Dit bestand bevat versie { $to }, die nieuwer is. Uw voortgang blijft bewaard.
install-upgrade-do = Module bijwerken
install-older = Er is een nieuwere versie ({ $installed }) van deze module geïnstalleerd. Dit bestand bevat een oudere versie ({ $offered }). Meestal hebt u die niet nodig.
install-keep-current = Nieuwere versie behouden
install-downgrade = Oudere versie toch installeren
install-same = Versie { $version } van deze module is al geïnstalleerd.
install-again = Controleren en opnieuw installeren
install-starting = Voorbereiden…
install-running = De module wordt geïnstalleerd…
install-progress = Voortgang van de installatie
phase-copying = Het bestand wordt gekopieerd…
phase-verifying = Elk bestand van de module wordt gecontroleerd…
phase-hashing = De bestanden worden gecontroleerd…
phase-packing = Inpakken…
install-success-title = De module is klaar
install-done = Versie { $version } is geïnstalleerd.
install-upgraded = De module is bijgewerkt van versie { $from } naar versie { $to }.
install-replaced = Versie { $from } is vervangen door versie { $to }.
install-unchanged = Precies deze module was al geïnstalleerd. Er hoefde niets te veranderen.
install-open = Module openen
install-another = Nog een module installeren
install-failed = De module is niet geïnstalleerd

## Instellingen
settings-title = Instellingen
settings-display = Weergave
settings-language-follow = De voorkeurstaal van de lerende
settings-language-hint = Standaard gebruikt de interface de voorkeurstaal van de lerende die ermee werkt.
settings-high-contrast = Hoog contrast (lichte tekst op een donkere achtergrond)
settings-reduce-motion = Minder beweging
settings-reduce-motion-hint = Animaties zijn al beperkt als uw computer daarom vraagt.
settings-theme = Kleuren van mijn profiel
settings-theme-hint = De computer volgen betekent zijn lichte of donkere modus en zijn contrastinstelling gebruiken, ook als die veranderen.
theme-system = De computer volgen
theme-light = Licht
theme-dark = Donker
theme-contrast = Hoog contrast
settings-idle-lock = Profiel vergrendelen na zo lang zonder activiteit
settings-idle-lock-hint = Op een gedeelde computer gaat een open profiel vanzelf terug naar de lijst van lerenden, en een profiel met een pincode vraagt die opnieuw.
idle-minutes = { $minutes ->
    [one] 1 minuut
   *[other] { $minutes } minuten
}
idle-never = Nooit
idle-warning = Al even geen activiteit: dit profiel wordt over { $seconds ->
    [one] 1 seconde
   *[other] { $seconds } seconden
} vergrendeld.
idle-stay = Aangemeld blijven
idle-locked = Het profiel is vergrendeld na { $minutes } minuten zonder activiteit.
settings-saved = Opgeslagen.
settings-profile = Profiel: { $name }
delete-profile = Dit profiel verwijderen
delete-profile-hint = Als u een profiel verwijdert, verdwijnt alle voortgang ervan van deze computer. Registraties die al naar uw organisatie zijn verzonden, blijven bestaan.
delete-profile-title = Het profiel ‘{ $name }’ verwijderen?
delete-profile-text = Alle voortgang van dit profiel op deze computer gaat verloren. Dit kan niet ongedaan worden gemaakt.
delete-profile-confirm = Profiel verwijderen
profile-deleted = Het profiel is verwijderd.
settings-records = Leerregistraties
records-lead = Uw voortgang kan naar uw organisatie worden verzonden, zodat uw opleider die kan volgen. Er wordt alleen een pseudoniem nummer verzonden, nooit uw naam.
institution-title = Organisatie
institution-lead = Deze gegevens krijgt u van uw opleider.
institution-name = Naam van de organisatie
institution-home = Webadres van de organisatie
institution-home-hint = Wordt gebruikt om de accounts van lerenden te herkennen, bijvoorbeeld https://example.org
institution-endpoint = Adres van de registratieserver (LRS)
institution-endpoint-hint = Bijvoorbeeld https://lrs.example.org/xapi/
institution-user = Gebruikersnaam
institution-password = Wachtwoord
institution-identifier-label = Waaraan leerlingen hun profiel mogen koppelen (optioneel)
institution-identifier-label-hint = Bijvoorbeeld “studentnummer”. Laat leeg: alle profielen blijven onder pseudoniem. Leerlingen beslissen zelf, na een toestemmingsscherm.
institution-identifier-pattern = Hoe het geschreven wordt (optioneel)
institution-identifier-pattern-hint = Een reguliere expressie waaraan de hele code moet voldoen, bijvoorbeeld [0-9]{"{"}8{"}"} voor acht cijfers.
institution-password-keep = Laat leeg om het huidige wachtwoord te behouden (alleen zolang het serveradres en de gebruikersnaam hetzelfde blijven).
sync-title = Registraties verzenden
sync-pending = Wachten op verzending
sync-sent = Al verzonden
sync-last-success = Laatste geslaagde verzending
sync-last-error = Laatste probleem
sync-rejected = { $count ->
    [one] 1 registratie is door de server geweigerd
   *[other] { $count } registraties zijn door de server geweigerd
}
sync-now = Nu verzenden
sync-sending = Bezig met verzenden…
sync-done = { $pending ->
    [0] Alles is verzonden.
    [one] Verzonden. Er wacht nog 1 registratie.
   *[other] Verzonden. Er wachten nog { $pending } registraties.
}
sync-needs-institution = Stel hierboven de organisatie in om registraties te verzenden.
export-title = Exporteren
export-lead = Zonder internetverbinding kunt u de registraties in een bestand opslaan en dat aan uw opleider geven.
export-records = Registraties exporteren…
export-filter-name = DLIS Learn-export
export-writing = Het bestand wordt geschreven…
export-done = { $count ->
    [one] 1 registratie is opgeslagen in { $path }.
   *[other] { $count } registraties zijn opgeslagen in { $path }.
}
settings-about = Over
about-version = Versie van DLIS Learn
about-data = Waar de gegevens worden bewaard

## Beschadigde voortgangsdatabase
damaged-title = Uw voortgang kan niet worden geopend
damaged-text = Het bestand waarin DLIS Learn de voortgang van iedereen op deze computer bewaart, is beschadigd of komt van een nieuwere versie van DLIS Learn. Er is niets gewijzigd of verwijderd.
damaged-details = Technische details
damaged-what-now = Wat u kunt doen
damaged-option-help = Vraag uw opleider of de IT-ondersteuning van uw organisatie om hulp: misschien kan het bestand worden hersteld.
damaged-option-fresh = Of begin opnieuw met lege voortgang. Het beschadigde bestand wordt apart gezet, niet verwijderd, zodat het later nog kan worden hersteld.
damaged-where = Gegevensmap: { $path }
damaged-consent = Ik begrijp dat de voortgang uit het beschadigde bestand niet meer wordt getoond.
damaged-consent-needed = Vink eerst het vakje aan om te bevestigen dat u het begrijpt.
damaged-start-fresh = Opnieuw beginnen met lege voortgang
damaged-confirm-title = Opnieuw beginnen met lege voortgang?
damaged-confirm-text = Het beschadigde bestand wordt apart gezet. DLIS Learn start zonder profielen en zonder voortgang.
damaged-done = Er is een nieuw, leeg voortgangsbestand aangemaakt. Het beschadigde bestand is bewaard als { $path }.

## Opleiderspincode (instellingen van de organisatie, modules installeren)
institution-trainer-only = Alleen een opleider kan deze instellingen wijzigen: bij het opslaan wordt om de opleiderspincode gevraagd.
institution-unencrypted = Dit adres begint met http://: het wachtwoord en de registraties van de lerenden zouden onversleuteld over het netwerk gaan. Vraag uw organisatie om het adres dat met https:// begint.
trainer-title = Opleiderspincode
trainer-pin-is-set = Een opleiderspincode beveiligt de instellingen van de organisatie en het installeren van modules op deze computer.
trainer-pin-not-set = Er is nog geen opleiderspincode ingesteld. De opleider die deze computer klaarzet, kiest er een; lerenden mogen hem niet kennen.
trainer-pin-save = Opleiderspincode instellen
trainer-pin-change = Opleiderspincode wijzigen
trainer-pin-saved = De opleiderspincode is opgeslagen.
trainer-lock = Opleidersinstellingen vergrendelen
trainer-locked = De opleidersinstellingen zijn vergrendeld.
trainer-enter-title = Opleiderspincode
trainer-enter-lead = Dit is alleen voor opleiders: typ de opleiderspincode om verder te gaan.
trainer-unlock = Doorgaan
trainer-choose-title = Opleiderspincode kiezen
trainer-choose-lead = De opleiderspincode beveiligt waar de registraties van lerenden naartoe gaan en welke modules op deze computer zijn geïnstalleerd. Kies hem nu en deel hem alleen met opleiders: hij wordt nooit meer getoond.
trainer-pin = Opleiderspincode
trainer-pin-new = Nieuwe opleiderspincode
trainer-pin-current = Huidige opleiderspincode
trainer-pin-hint = 4 tot 12 cijfers.
trainer-change-title = Opleiderspincode wijzigen

## Wie een module heeft ondertekend (installatiescherm)
install-signature = Handtekening
install-installed-signature = Geïnstalleerde kopie
install-signed-verified = Gecontroleerd: ondertekend door { $organisation }
install-signed-untrusted = Ondertekend met een sleutel die deze computer niet vertrouwt (opgegeven naam: ‘{ $organisation }’)
install-unsigned = Niet ondertekend
install-not-verified = Niet ondertekend door een vertrouwde organisatie
install-signer-changed-unsigned = De geïnstalleerde kopie is ondertekend door { $installed }, een vertrouwde organisatie, en dit bestand is niet ondertekend. Iedereen kan een niet-ondertekend modulebestand maken: installeer het alleen als u weet waar het vandaan komt.
install-signer-changed-other = De geïnstalleerde kopie is ondertekend door { $installed }, een vertrouwde organisatie, en dit bestand met een andere sleutel (opgegeven naam: ‘{ $offered }’). Installeer het alleen als u weet waar het vandaan komt.
install-anyway = Toch installeren

## Over (instellingen): draagbare kopie, een probleem melden, licenties
about-portable = Dit is een draagbare kopie: de gegevens staan in de map ‘data’ naast het programma en gaan met het programma mee (bijvoorbeeld op een usb-stick).
about-report-title = Een probleem melden
about-report-institution = Neem contact op met uw opleider, of met { $institution } ({ $address }), de organisatie die de registraties van deze computer ontvangt.
about-report-default = Neem contact op met uw opleider, of met de partnerorganisatie van het DLIS-project die uw opleiding verzorgt.
about-report-details = Vermeld welke versie van DLIS Learn u gebruikt (hierboven), wat u aan het doen was en wat er gebeurde.
about-licences-title = Licenties
about-licences-error = De lijst van licenties kan niet worden getoond.
about-app-licence = DLIS Learn is vrije software: u mag het gebruiken, bestuderen, delen en verbeteren onder de voorwaarden van de Openbare Licentie van de Europese Unie ({ $licence }).
about-app-licence-read = De licentie lezen ({ $licence })
about-samples-licence = De voorbeeldmodules zijn open leermiddelen, onder de Creative Commons-licentie CC BY-SA 4.0.
about-third-party-title = Onderdelen gemaakt door anderen
about-third-party-lead = DLIS Learn is gebouwd met { $count ->
    [one] 1 onderdeel dat door anderen is gemaakt
   *[other] { $count } onderdelen die door anderen zijn gemaakt
} (Rust-bibliotheken, ‘crates’ genoemd, en JavaScript-code). Ze staan per licentie vermeld, met de volledige tekst van elke licentie. De broncode van elke Rust-bibliotheek is gepubliceerd op crates.io.
about-third-party-show = Licenties van de onderdelen van derden ({ $count })
about-components = { $count ->
    [one] 1 onderdeel
   *[other] { $count } onderdelen
}
about-licence-text = Tekst van de licentie { $licence } voor { $count ->
    [one] dit onderdeel
   *[other] deze { $count } onderdelen
}
about-javascript = JavaScript
about-only-on = alleen op { $platforms }

# Private notes on lessons and capsules
notes-title = Mijn notities
notes-hint = Alleen u ziet uw notities: ze gaan nooit naar uw instelling.
note-label = Nieuwe notitie
note-add = Notitie toevoegen
note-add-at = Notitie toevoegen bij { $time }
note-jump = Terug naar { $time } in de video
note-delete = Verwijderen
note-delete-label = De notitie “{ $text }” verwijderen
notes-empty = Hier nog geen notities.
note-empty = Schrijf eerst iets.
note-added = Notitie toegevoegd.
note-deleted = Notitie verwijderd.
notes-export = Mijn notities exporteren…
notes-export-lead = Al uw notities, per module, in een Markdown-bestand dat u bewaart waar u wilt.
notes-export-title = Notities van { $name }
notes-exported = { $count ->
    [one] 1 notitie geschreven naar { $path }
   *[other] { $count } notities geschreven naar { $path }
}
notes-file-name = mijn-notities

## The module inside an LMS (SCORM package)
lms-preview = Dit is een voorbeeld: er is geen leerplatform verbonden, dus je voortgang wordt niet bewaard.
lms-progress-reset = Deze module is gewijzigd sinds je laatste bezoek: je voortgang begint opnieuw.
lms-export-title = Voor opleiders: deze module in een leerplatform
lms-export-lead = Bewaar ze als pakket voor Moodle of een ander leerplatform. De antwoorden van de quiz zitten in het pakket.
lms-export-button = Exporteren voor een leerplatform…
lms-export-done = Bewaard: { $path }
lms-format-label = Standaard
lms-format-scorm12 = SCORM 1.2 (SCORM-activiteit van Moodle, de meeste leerplatformen)
lms-format-cmi5 = cmi5 (xAPI, naar de LRS van het leerplatform)

## Search
nav-search = Zoeken
search-title = Zoeken
search-label = Zoeken in alle geïnstalleerde modules
search-button = Zoeken
search-count = { $count ->
    [0] Niets gevonden voor ‘{ $query }’
    [one] Eén passage gevonden voor ‘{ $query }’
   *[other] { $count } passages gevonden voor ‘{ $query }’
}
search-place-note = Uw notitie
search-place-title = Titel van de module
search-place-description = Beschrijving van de module
search-place-objective = Doel
search-place-activity-title = Titel van de activiteit
search-place-lesson = Les
search-place-transcript = Transcriptie
search-place-subtitle = Ondertitels
video-at-found = Geopend op { $time }, waar de passage wordt gezegd.

## Attestation of training
attestation-title = Attest van opleiding
attestation-attests = Hierbij wordt bevestigd dat
attestation-completed-module = de opleidingsmodule heeft voltooid
attestation-issued-by = Uitgereikt door
attestation-completed-on = Voltooid op
attestation-time-spent = Bestede tijd
attestation-minutes = minuten
attestation-score = Quizscore
attestation-objectives = Doelen
attestation-code = Verificatiecode
attestation-note = De instelling kan deze code vergelijken met de gegevens die ze ontving. Dit attest is geen ondertekend bewijsstuk.
attestation-button = Mijn attest bewaren (pdf)…
attestation-file-name = attest
attestation-saved = Attest bewaard: { $path } (code { $code })

## Zelfbeoordeling (vragenlijst)
kind-survey = Zelfbeoordeling
rule-surveys = vul elke zelfbeoordeling één keer in.
survey-takes = { $count ->
    [one] Eén keer ingevuld
   *[other] { $count } keer ingevuld
}
survey-before-you-start = Voordat u begint
survey-what-is-sent = Uw antwoorden en uw profiel worden in uw profiel op deze computer bewaard en, net als de rest van uw voortgang, naar uw opleidingsorganisatie gestuurd als die de gegevens verzamelt. Uw geschreven reflectie wordt nooit verstuurd.
survey-reflection-private = Wat u hier schrijft, blijft in uw profiel op deze computer: het wordt nooit verstuurd.
survey-missing = { $count ->
    [one] Eén uitspraak heeft nog geen antwoord: beantwoord die voordat u verstuurt.
   *[other] { $count } uitspraken hebben nog geen antwoord: beantwoord ze voordat u verstuurt.
}
survey-submit = Mijn profiel bekijken
survey-saved = Uw zelfbeoordeling is bewaard.
survey-profile = Uw profiel
survey-taken-on = Ingevuld op { $date }.
survey-compared = { $count } keer ingevuld: de eerste keer ({ $first }) naast de laatste ({ $latest }).
survey-table-caption = Gemiddelde per dimensie, van 1 tot { $scale }
survey-dimension = Dimensie
survey-first-take = Eerste keer ({ $date })
survey-latest-take = Laatste keer ({ $date })
survey-your-score = Uw gemiddelde
survey-recommended = Modules die u kunnen helpen
survey-recommended-for = voor: { $dimensions }
survey-nothing-weak = Geen enkele dimensie ligt onder het midden van de schaal: voorlopig geen module aan te raden.
survey-your-reflection = Uw reflectie
survey-take-again = Opnieuw invullen
survey-radar-label = Radardiagram van uw gemiddelde in { $count } dimensies; dezelfde cijfers staan in de tabel hieronder.
survey-legend-latest = laatste keer
survey-legend-first = eerste keer

## Een profiel koppelen aan de code van de instelling; het scherm "Leerlingregistraties" voor opleiders
link-title = Mijn profiel aan mijn instelling koppelen
link-lead = { $institution } vraagt uw { $label }. Koppelen is uw keuze: zonder koppeling dragen uw gegevens een willekeurig pseudoniem en kan niemand bij { $institution } zien dat ze van u zijn.
link-what-title = Wat er verandert als u koppelt
link-what-1 = Uw gegevens die vanaf nu worden verzonden (naar { $institution } of in exportbestanden) dragen uw { $label } in plaats van een pseudoniem.
link-what-2 = Eén ondertekend gegeven vertelt { $institution } dat uw eerdere gegevens op deze computer ook van u zijn.
link-what-3 = Uw naam, uw pincode, uw notities en uw geschreven reflecties verlaten deze computer nog steeds nooit.
link-what-4 = U kunt de koppeling altijd opheffen: dat geldt vanaf dat moment. Wat al verzonden is, blijft bij { $institution }, ook als u uw profiel verwijdert.
link-identifier = Uw { $label }
link-agree = Ik heb gelezen wat er verandert en ik ga akkoord met het koppelen van mijn profiel.
link-submit = Mijn profiel koppelen
link-must-agree = Vink het vakje aan om akkoord te gaan, of verlaat deze pagina: zonder uw akkoord wordt niets gekoppeld.
link-done = Uw profiel is sinds { $date } gekoppeld aan { $identifier }.
link-linked-now = Uw profiel is gekoppeld.
link-unlink = Koppeling van mijn profiel opheffen
link-unlink-confirm = De koppeling opheffen? Uw gegevens dragen vanaf nu een nieuw pseudoniem. Wat al verzonden is, blijft bij { $institution }.
link-unlinked = Uw profiel is niet meer gekoppeld.
link-not-asked = Uw instelling vraagt geen code: uw gegevens blijven onder pseudoniem.
link-settings-lead = Als uw instelling naar uw studentnummer of e-mailadres vraagt, kunt u uw profiel daaraan koppelen, nadat u hebt gelezen wat dat verandert.
settings-link = Aan mijn instelling koppelen…
settings-open-records = De leerlingregistraties openen (opleiders)…
records-title = Leerlingregistraties
records-screen-lead = Voeg de exportbestanden van meerdere computers, van een usb-stick, samen tot één rapport met dezelfde cijfers als het commando dlis merge. Voor opleiders.
records-import = Exportbestanden toevoegen…
records-roster = Namen uit een lijst…
records-roster-none = Geen lijst: leerlingen verschijnen met hun code. Een lijst is een CSV code,naam die op deze computer blijft.
records-roster-set = Namen uit { $path }
records-name = Naam
records-save = Het rapport opslaan…
records-clear = Een nieuwe lijst beginnen
records-cleared = De lijst met exportbestanden is weer leeg.
records-saved = Rapport opgeslagen: { $path }
records-empty = Nog geen exportbestand: voeg de bestanden toe die de computers hebben geëxporteerd.
records-files = Samengevoegde exportbestanden: { $count }
records-refused = Geweigerde bestanden (hun gegevens staan niet in het rapport)
records-summary = Wat het samenvoegen vond
records-rows-caption = Eén regel per leerling en module
records-learner = Leerling
records-module = Module
records-completed = Voltooid
records-score = Beste score
records-time = Bestede tijd
records-code = Attestcode
records-minutes = { $minutes } min
records-yes = ja
records-no = nee
records-items-title = Vragen om te herzien
records-items-lead = Een vraag die weinig leerlingen bij het eerste antwoord goed hebben, of die de zwakste leerlingen even goed beantwoorden als de beste (discriminatie rond 0 of negatief), moet misschien herschreven worden.
records-question = Vraag
records-learners = Leerlingen
records-right-first = Goed bij het eerste antwoord
records-discrimination = Discriminatie
