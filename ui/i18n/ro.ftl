# DLIS Learn — textele interfeței, română (adresare politicoasă, „dumneavoastră”).
# Written by a helper; not reviewed by a native professional yet.

app-name = DLIS Learn
skip-to-content = Salt la conținut
nav-label = Meniu principal
nav-catalogue = Module
nav-install = Instalați un modul
nav-settings = Setări
nav-profiles = Cursanți
signed-in-as = Cursant: { $name }
switch-learner = Schimbați cursantul
signed-out = Ați ieșit din profilul dumneavoastră. Următoarea persoană își poate alege profilul.
breadcrumbs = Vă aflați aici
back-to-catalogue = Înapoi la module
back-to-module = Înapoi la modul
activity-navigation = Pașii următori
next-activity = Următoarea: { $title }
ok = OK
cancel = Anulați
close = Închideți
save = Salvați
copy = Copiați
never = Niciodată
version = Versiunea { $version }
table = Tabelul { $n }
quoted = „{ $text }”
drop-here = Plasați aici fișierul modulului (.zip) pentru a-l instala

## Erori
error-title = A apărut o problemă
error-wrong-pin = Codul PIN nu este corect. Vă rugăm să încercați din nou.
error-bad-pin = Un cod PIN are între 4 și 12 cifre (numai cifre).
error-pin-mismatch = Cele două coduri PIN nu sunt identice. Vă rugăm să introduceți de două ori același cod.
error-empty-name = Vă rugăm să introduceți un nume.
error-name-too-long = Numele este prea lung (cel mult 80 de caractere).
error-name-control = Un nume poate conține litere, cifre, spații și semne de punctuație, dar nu caractere de control invizibile.
error-language = Această limbă nu este recunoscută.
error-unreachable = Serverul instituției nu a putut fi contactat (nu există conexiune la internet sau serverul este ocupat). Înregistrările dumneavoastră sunt păstrate în siguranță și vor fi trimise mai târziu.
error-credentials = Serverul instituției a refuzat numele de utilizator sau parola. Vă rugăm să le verificați împreună cu instituția dumneavoastră.
error-no-institution = Nu a fost configurată încă nicio instituție.
error-no-attempts = Nu mai aveți nicio încercare disponibilă pentru acest test.
error-older = O versiune mai nouă a acestui modul este deja instalată. Nu s-a instalat nimic.
error-same-version-differs = Această versiune este deja instalată, dar fișierul este diferit. Nu s-a instalat nimic; cereți autorului modulului un nou număr de versiune.
error-no-activity = Această activitate nu există în modul.
error-required = Vă rugăm să completați acest câmp.
error-not-installed = Acest modul nu este (sau nu mai este) instalat pe acest calculator.
error-trainer-only = Această acțiune necesită codul PIN de formator.
error-identifier = Acest identificator nu este scris așa cum îl scrie instituția dumneavoastră: verificați-l (fără spații) și încercați din nou.
error-pin-locked = Prea multe coduri PIN greșite: acest cod PIN este blocat pentru o vreme, iar fiecare nou cod PIN greșit îl blochează pentru mai mult timp. Vă rugăm să așteptați, apoi să încercați din nou.
error-password-needed = Vă rugăm să introduceți parola: o parolă salvată este folosită numai pentru adresa serverului și numele de utilizator pentru care a fost introdusă.
error-signer-changed = Modulul instalat a fost semnat de o organizație de încredere, iar acest fișier nu este semnat cu aceeași cheie. Nu s-a instalat nimic.

## Profiluri
profiles-title = Cine învață astăzi?
profiles-lead = Fiecare cursant are propriul profil pe acest calculator, astfel încât progresul fiecăruia să rămână separat.
profiles-choose = Alegeți-vă profilul
profiles-none = Nu există încă niciun profil pe acest calculator. Creați-vă profilul pentru a începe.
profile-has-pin = Protejat prin cod PIN
profile-new = Creați un profil nou
profile-name = Numele dumneavoastră
profile-name-hint = Este afișat doar pe acest calculator. Nu este trimis niciodată nimănui.
profile-language = Limba preferată
profile-language-hint = Modulele sunt afișate în această limbă atunci când sunt disponibile în ea.
pin-optional = Cod PIN (opțional)
pin-hint = Între 4 și 12 cifre. Un cod PIN împiedică alte persoane să vă deschidă profilul pe un calculator folosit în comun.
pin-confirm = Introduceți din nou codul PIN
pin-label = Cod PIN
pin-new = Cod PIN nou
pin-title = Cod PIN
pin-is-set = Profilul dumneavoastră este protejat prin cod PIN.
pin-not-set = Profilul dumneavoastră nu are cod PIN: oricine folosește acest calculator îl poate deschide.
pin-set = Setați codul PIN
pin-change = Schimbați codul PIN
pin-remove = Eliminați codul PIN
pin-saved = Codul PIN a fost salvat.
pin-removed = Codul PIN a fost eliminat.
pin-prompt-title = Codul PIN pentru { $name }
profile-create = Creați-vă profilul
profile-created = Bun venit, { $name }! Profilul dumneavoastră este gata.
open-profile = Deschideți
welcome = Bun venit, { $name }!
interface-language = Limba interfeței

## Catalog
catalogue-title = Modulele dumneavoastră
catalogue-lead = { $count ->
    [0] Nu este instalat încă niciun modul.
    [one] Un modul este instalat pe acest calculator.
    [few] { $count } module sunt instalate pe acest calculator.
   *[other] { $count } de module sunt instalate pe acest calculator.
}
catalogue-empty = Instalați un modul pentru a începe să învățați. De obicei, formatorul vă dă modulul sub forma unui fișier .zip.
module-languages = Limbi
content-language-fallback = Acest modul nu este disponibil în { $wanted }: este afișat în { $shown }. Puteți alege o altă limbă a modulului.
content-language-label = Limba acestui modul
module-duration = Durată estimată
module-organisation = Organizație
module-version = Versiune
minutes = { $minutes ->
    [one] aproximativ 1 minut
    [few] aproximativ { $minutes } minute
   *[other] aproximativ { $minutes } de minute
}
progress-label = Progresul în { $title }
activities-done = Activități finalizate: { $done } din { $total }
completed = Finalizat
verified-by = Verificat de { $organisation }
unsigned = Nesemnat
signed-unknown = Semnat de o organizație necunoscută
resume = Continuați
start = Începeți

## Modul
objectives = Ce veți învăța
activities = Activități
module-progress = Progresul dumneavoastră
module-completed = Modul finalizat
module-completed-on = Finalizat pe { $date }.
completion-rule-intro = Pentru a finaliza acest modul:
rule-lessons = citiți fiecare lecție până la capăt;
rule-videos = urmăriți cel puțin { $percent } % din fiecare capsulă video;
rule-quizzes = promovați fiecare test.
status-not-started = Neînceput
status-in-progress = În desfășurare
status-done = Finalizat
kind-lesson = Lecție
kind-video = Capsulă video
kind-quiz = Test
video-watched-percent = Vizionat: { $percent }
quiz-attempts = { $count ->
    [one] 1 încercare
    [few] { $count } încercări
   *[other] { $count } de încercări
}
quiz-best = cel mai bun scor { $score }

## Lecție
text-size = Mărimea textului
text-smaller = Text mai mic
text-larger = Text mai mare
text-size-now = Mărimea textului: { $size } %
mark-as-read = Marcați ca citită
lesson-is-read = Ați citit această lecție.
lesson-not-read = Derulați lecția până la capăt sau marcați-o ca citită.
lesson-marked-read = Lecția a fost marcată ca citită.
lesson-reached-end = Ați ajuns la sfârșitul lecției. Lecția este marcată ca citită.
link-inside-module = Acest link duce la un fișier al modulului care nu poate fi deschis aici.
external-link-title = Un link către un site web
external-link-text = Acest link duce la un site web din afara DLIS Learn. Pentru a-l vizita, copiați adresa și lipiți-o în browserul dumneavoastră.
external-mail-text = Aceasta este o adresă de e-mail. Pentru a scrie la această adresă, copiați-o în programul dumneavoastră de e-mail.
external-link-address = Adresă
external-link-copied = Adresa a fost copiată.

## Video
video-label = Video: { $title }
video-controls = Comenzile video
video-play = Redare
video-pause = Pauză
video-back = Înapoi { $seconds } s
video-forward = Înainte { $seconds } s
video-speed = Viteză
video-speed-now = Viteza de redare: { $speed }
subtitles = Subtitrări
subtitles-off = Dezactivate
transcript = Transcriere
transcript-missing = Nu există transcriere pentru această capsulă.
video-resuming = Reluare de unde v-ați oprit, la { $time }.
video-start-over = Porniți de la început
video-from-start = Redare de la început.
video-completed = Vizionat: { $percent }. Această capsulă este finalizată.
video-at = La { $time }
video-muted = Sunet oprit
video-unmuted = Sunet pornit
video-error = Videoclipul nu poate fi redat. Poate fi necesară reinstalarea modulului.
video-keys-title = Comenzi rapide de la tastatură
video-key-play = Spațiu sau K: redare sau pauză
video-key-seek = Săgețile stânga și dreapta: înapoi sau înainte cu 5 secunde
video-key-jump = J și L: înapoi sau înainte cu 10 secunde; Home și End: început și sfârșit
video-key-mute = M: pornirea sau oprirea sunetului
video-key-captions = C: afișarea sau ascunderea subtitrărilor
video-key-speed = < și >: mai încet sau mai repede

## Test
quiz-before-you-start = Înainte de a începe
quiz-question-count = { $count ->
    [one] 1 întrebare
    [few] { $count } întrebări
   *[other] { $count } de întrebări
}
quiz-pass-mark = Prag de promovare: { $percent } %
quiz-max-attempts = { $count ->
    [one] 1 încercare permisă
    [few] { $count } încercări permise
   *[other] { $count } de încercări permise
}
quiz-unlimited = Oricâte încercări doriți
quiz-feedback-immediate = După fiecare răspuns vedeți dacă este corect.
quiz-feedback-end = Vedeți rezultatele după ce răspundeți la toate întrebările.
quiz-status-passed = Ați promovat acest test (cel mai bun scor: { $score }).
quiz-status-not-passed = { $count ->
    [one] Ați făcut 1 încercare (cel mai bun scor: { $score }).
    [few] Ați făcut { $count } încercări (cel mai bun scor: { $score }).
   *[other] Ați făcut { $count } de încercări (cel mai bun scor: { $score }).
}
quiz-attempts-left = { $count ->
    [0] Nu mai aveți nicio încercare.
    [one] Vă mai rămâne 1 încercare.
    [few] Vă mai rămân { $count } încercări.
   *[other] Vă mai rămân { $count } de încercări.
}
quiz-attempt-number = Încercarea { $n }
quiz-no-attempts-left = Ați folosit toate încercările pentru acest test.
quiz-start = Începeți testul
quiz-continue = Continuați de unde v-ați oprit
quiz-retry = Încercați din nou
quiz-progress = Progresul în test
question-of = Întrebarea { $n } din { $total }
question-image = Ilustrație pentru întrebare
quiz-confirm = Confirmați răspunsul
quiz-next = Întrebarea următoare
quiz-finish = Terminați
quiz-answer-saved = Răspuns salvat.
quiz-choose-one = Vă rugăm să alegeți un răspuns.
quiz-choose-some = Vă rugăm să alegeți cel puțin un răspuns.
quiz-choose-all = Bifați toate răspunsurile potrivite.
quiz-type-answer = Vă rugăm să scrieți răspunsul.
quiz-match-hint = Pentru fiecare element, alegeți elementul care i se potrivește.
quiz-match-choose = Alegeți…
quiz-match-missing = Vă rugăm să alegeți o potrivire pentru fiecare element.
quiz-order-hint = Așezați elementele în ordinea corectă cu ajutorul butoanelor „sus” și „jos”.
move-up = Mutați mai sus: { $item }
move-down = Mutați mai jos: { $item }
moved-to = { $item }: acum pe poziția { $position } din { $total }.
true = Adevărat
false = Fals
your-answer = Răspunsul dumneavoastră
not-answered = Fără răspuns
feedback-correct = Răspuns corect.
feedback-incorrect = Răspuns greșit.
feedback-partly = Răspuns parțial corect.
points = ({ $score } din { $max } { $max ->
    [one] punct
    [few] puncte
   *[other] de puncte
})
quiz-all-answered = Ați răspuns la toate întrebările
quiz-submit-text = Trimiteți răspunsurile pentru a vă vedea scorul. După aceea nu le mai puteți modifica.
quiz-submit = Vedeți rezultatul
quiz-passed = Felicitări: ați promovat!
quiz-failed = Nu ați promovat de data aceasta
quiz-score-detail = { $score } din { $max } { $max ->
    [one] punct
    [few] puncte
   *[other] de puncte
}. Pragul de promovare este { $mark } %.
quiz-review = Răspunsurile dumneavoastră

## Instalare
install-title = Instalați un modul
install-lead = Modulele vin sub forma unui fișier .zip, de exemplu pe un stick USB sau prin e-mail.
install-how = Alegeți fișierul modulului de pe acest calculator.
install-choose = Alegeți un fișier de modul…
install-drop-hint = Puteți, de asemenea, să trageți fișierul peste această fereastră.
install-filter-name = Modul DLIS Learn
install-checking = Se verifică fișierul…
install-invalid-title = Acest fișier nu poate fi instalat
install-invalid-text = Nu este un modul DLIS Learn complet și valid: poate fi deteriorat sau incomplet. Nu s-a instalat nimic. Cereți o copie nouă persoanei care vi l-a dat.
install-problems = { $count ->
    [one] Detaliile problemei (pentru formatorul dumneavoastră)
    [few] Detaliile celor { $count } probleme (pentru formatorul dumneavoastră)
   *[other] Detaliile celor { $count } de probleme (pentru formatorul dumneavoastră)
}
install-new = Acest modul nu este încă instalat.
install-do = Instalați
install-upgrade = Versiunea { $from } a acestui modul este instalată. Acest fișier conține versiunea { $to }, care este mai nouă. Progresul dumneavoastră se păstrează.
install-upgrade-do = Actualizați modulul
install-older = O versiune mai nouă ({ $installed }) a acestui modul este instalată. Acest fișier conține o versiune mai veche ({ $offered }). De obicei nu aveți nevoie de ea.
install-keep-current = Păstrați versiunea mai nouă
install-downgrade = Instalați totuși versiunea mai veche
install-same = Versiunea { $version } a acestui modul este deja instalată.
install-again = Verificați și reinstalați
install-starting = Se pregătește…
install-running = Se instalează modulul…
install-progress = Progresul instalării
phase-copying = Se copiază fișierul…
phase-verifying = Se verifică fiecare fișier al modulului…
phase-hashing = Se verifică fișierele…
phase-packing = Se împachetează…
install-success-title = Modulul este gata
install-done = Versiunea { $version } a fost instalată.
install-upgraded = Modulul a fost actualizat de la versiunea { $from } la versiunea { $to }.
install-replaced = Versiunea { $from } a fost înlocuită cu versiunea { $to }.
install-unchanged = Exact acest modul era deja instalat. Nu a fost nevoie de nicio schimbare.
install-open = Deschideți modulul
install-another = Instalați un alt modul
install-failed = Modulul nu a fost instalat

## Setări
settings-title = Setări
settings-display = Afișare
settings-language-follow = Limba preferată a cursantului
settings-language-hint = În mod implicit, interfața folosește limba preferată a cursantului care o utilizează.
settings-high-contrast = Contrast ridicat (text deschis pe fundal întunecat)
settings-reduce-motion = Mai puține animații
settings-reduce-motion-hint = Animațiile sunt deja reduse atunci când calculatorul dumneavoastră solicită acest lucru.
settings-theme = Culorile profilului meu
settings-theme-hint = Urmarea calculatorului înseamnă modul său luminos sau întunecat și setarea sa de contrast, pe măsură ce se schimbă.
theme-system = Urmați calculatorul
theme-light = Luminos
theme-dark = Întunecat
theme-contrast = Contrast ridicat
settings-idle-lock = Blocați profilul după acest timp fără activitate
settings-idle-lock-hint = Pe un calculator folosit de mai multe persoane, un profil lăsat deschis revine singur la lista cursanților, iar un profil cu cod PIN îl cere din nou.
idle-minutes = { $minutes ->
    [one] 1 minut
    [few] { $minutes } minute
   *[other] { $minutes } de minute
}
idle-never = Niciodată
idle-warning = Nicio activitate de ceva timp: acest profil va fi blocat în { $seconds ->
    [one] 1 secundă
    [few] { $seconds } secunde
   *[other] { $seconds } de secunde
}.
idle-stay = Rămâneți conectat
idle-locked = Profilul a fost blocat după { $minutes ->
    [one] 1 minut
    [few] { $minutes } minute
   *[other] { $minutes } de minute
} fără activitate.
settings-saved = Salvat.
settings-profile = Profil: { $name }
delete-profile = Ștergeți acest profil
delete-profile-hint = Ștergerea unui profil elimină tot progresul acestuia de pe acest calculator. Înregistrările deja trimise instituției dumneavoastră nu sunt afectate.
delete-profile-title = Ștergeți profilul „{ $name }”?
delete-profile-text = Tot progresul acestui profil de pe acest calculator se va pierde. Această acțiune nu poate fi anulată.
delete-profile-confirm = Ștergeți profilul
profile-deleted = Profilul a fost șters.
settings-records = Evidența formării
records-lead = Progresul dumneavoastră poate fi trimis instituției, pentru ca formatorul să îl poată urmări. Se trimite doar un număr pseudonim, niciodată numele dumneavoastră.
institution-title = Instituție
institution-lead = Aceste informații vi le comunică formatorul.
institution-name = Numele instituției
institution-home = Adresa web a instituției
institution-home-hint = Folosită pentru identificarea conturilor cursanților, de exemplu https://example.org
institution-endpoint = Adresa serverului de evidență (LRS)
institution-endpoint-hint = De exemplu https://lrs.example.org/xapi/
institution-user = Nume de utilizator
institution-password = Parolă
institution-identifier-label = De ce își pot lega cursanții profilul (opțional)
institution-identifier-label-hint = De exemplu „număr matricol”. Lăsați gol: toate profilurile rămân sub pseudonim. Cursanții decid, după un ecran de consimțământ.
institution-identifier-pattern = Cum se scrie (opțional)
institution-identifier-pattern-hint = O expresie regulată pe care întregul identificator trebuie să o respecte, de exemplu [0-9]{"{"}8{"}"} pentru opt cifre.
institution-password-keep = Lăsați gol pentru a păstra parola actuală (numai cât timp adresa serverului și numele de utilizator rămân aceleași).
sync-title = Trimiterea înregistrărilor
sync-pending = În așteptare
sync-sent = Deja trimise
sync-last-success = Ultima trimitere reușită
sync-last-error = Ultima problemă
sync-rejected = { $count ->
    [one] 1 înregistrare a fost refuzată de server
    [few] { $count } înregistrări au fost refuzate de server
   *[other] { $count } de înregistrări au fost refuzate de server
}
sync-now = Trimiteți acum
sync-sending = Se trimite…
sync-done = { $pending ->
    [0] Totul a fost trimis.
    [one] Trimis. O înregistrare este încă în așteptare.
    [few] Trimis. { $pending } înregistrări sunt încă în așteptare.
   *[other] Trimis. { $pending } de înregistrări sunt încă în așteptare.
}
sync-needs-institution = Configurați instituția de mai sus pentru a trimite înregistrările.
export-title = Export
export-lead = Fără conexiune la internet, puteți salva înregistrările într-un fișier pe care să-l dați formatorului.
export-records = Exportați înregistrările…
export-filter-name = Export DLIS Learn
export-writing = Se scrie fișierul…
export-done = { $count ->
    [one] 1 înregistrare a fost scrisă în { $path }.
    [few] { $count } înregistrări au fost scrise în { $path }.
   *[other] { $count } de înregistrări au fost scrise în { $path }.
}
settings-about = Despre
about-version = Versiunea DLIS Learn
about-data = Unde sunt păstrate datele

## Baza de date a progresului deteriorată
damaged-title = Progresul dumneavoastră nu poate fi deschis
damaged-text = Fișierul în care DLIS Learn păstrează progresul tuturor pe acest calculator este deteriorat sau provine dintr-o versiune mai nouă a DLIS Learn. Nu s-a modificat și nu s-a șters nimic.
damaged-details = Detalii tehnice
damaged-what-now = Ce puteți face
damaged-option-help = Cereți ajutorul formatorului sau al serviciului informatic al instituției: este posibil ca fișierul să poată fi reparat.
damaged-option-fresh = Sau reîncepeți de la zero, fără progres. Fișierul deteriorat este pus deoparte, nu șters, astfel încât să poată fi reparat mai târziu.
damaged-where = Dosarul cu date: { $path }
damaged-consent = Înțeleg că progresul din fișierul deteriorat nu va mai fi afișat.
damaged-consent-needed = Vă rugăm să bifați mai întâi caseta pentru a confirma că ați înțeles.
damaged-start-fresh = Reîncepeți de la zero, fără progres
damaged-confirm-title = Reîncepeți de la zero, fără progres?
damaged-confirm-text = Fișierul deteriorat este pus deoparte. DLIS Learn va porni fără profiluri și fără progres.
damaged-done = A fost creat un fișier de progres nou, gol. Cel deteriorat a fost păstrat ca { $path }.

## Cod PIN de formator (setările instituției, instalarea modulelor)
institution-trainer-only = Numai un formator poate modifica aceste setări: la salvare se cere codul PIN de formator.
institution-unencrypted = Această adresă începe cu http://: parola și înregistrările cursanților ar circula prin rețea necriptate. Cereți instituției dumneavoastră adresa sa care începe cu https://.
trainer-title = Cod PIN de formator
trainer-pin-is-set = Un cod PIN de formator protejează setările instituției și instalarea modulelor pe acest calculator.
trainer-pin-not-set = Nu a fost setat încă niciun cod PIN de formator. Formatorul care pregătește acest calculator alege unul; cursanții nu trebuie să-l cunoască.
trainer-pin-save = Setați codul PIN de formator
trainer-pin-change = Schimbați codul PIN de formator
trainer-pin-saved = Codul PIN de formator a fost salvat.
trainer-lock = Blocați setările de formator
trainer-locked = Setările de formator sunt blocate.
trainer-enter-title = Cod PIN de formator
trainer-enter-lead = Această acțiune este rezervată formatorilor: introduceți codul PIN de formator pentru a continua.
trainer-unlock = Continuați
trainer-choose-title = Alegeți codul PIN de formator
trainer-choose-lead = Codul PIN de formator protejează locul unde sunt trimise înregistrările cursanților și modulele instalate pe acest calculator. Alegeți-l acum și comunicați-l numai formatorilor: nu va mai fi afișat niciodată.
trainer-pin = Cod PIN de formator
trainer-pin-new = Cod PIN de formator nou
trainer-pin-current = Cod PIN de formator actual
trainer-pin-hint = Între 4 și 12 cifre.
trainer-change-title = Schimbați codul PIN de formator

## Cine a semnat un modul (ecranul de instalare)
install-signature = Semnătură
install-installed-signature = Copia instalată
install-signed-verified = Verificat: semnat de { $organisation }
install-signed-untrusted = Semnat cu o cheie în care acest calculator nu are încredere (nume declarat: „{ $organisation }”)
install-unsigned = Nesemnat
install-not-verified = Nu este semnat de o organizație de încredere
install-signer-changed-unsigned = Copia instalată a fost semnată de { $installed }, o organizație de încredere, iar acest fișier nu este semnat. Oricine poate crea un fișier de modul nesemnat: instalați-l numai dacă știți de unde provine.
install-signer-changed-other = Copia instalată a fost semnată de { $installed }, o organizație de încredere, iar acest fișier cu o altă cheie (nume declarat: „{ $offered }”). Instalați-l numai dacă știți de unde provine.
install-anyway = Instalați totuși

## Despre (setări): copie portabilă, raportarea unei probleme, licențe
about-portable = Aceasta este o copie portabilă: datele sale se află în dosarul „data” de lângă program și călătoresc împreună cu el (de exemplu, pe un stick USB).
about-report-title = Raportați o problemă
about-report-institution = Adresați-vă formatorului sau instituției { $institution } ({ $address }), care primește înregistrările de pe acest calculator.
about-report-default = Adresați-vă formatorului sau instituției partenere din proiectul DLIS care vă organizează formarea.
about-report-details = Precizați versiunea DLIS Learn pe care o folosiți (afișată mai sus), ce făceați și ce s-a întâmplat.
about-licences-title = Licențe
about-licences-error = Lista licențelor nu poate fi afișată.
about-app-licence = DLIS Learn este software liber: îl puteți folosi, studia, distribui și îmbunătăți în condițiile Licenței Publice a Uniunii Europene ({ $licence }).
about-app-licence-read = Citiți licența ({ $licence })
about-samples-licence = Modulele de exemplu sunt resurse educaționale deschise, sub licența Creative Commons CC BY-SA 4.0.
about-third-party-title = Componente realizate de alții
about-third-party-lead = DLIS Learn este construit cu { $count ->
    [one] o componentă realizată
    [few] { $count } componente realizate
   *[other] { $count } de componente realizate
} de alții (biblioteci Rust, numite „crates”, și cod JavaScript). Sunt grupate după licență, cu textul complet al fiecărei licențe. Codul sursă al fiecărei biblioteci Rust este publicat pe crates.io.
about-third-party-show = Licențele componentelor terțe ({ $count })
about-components = { $count ->
    [one] o componentă
    [few] { $count } componente
   *[other] { $count } de componente
}
about-licence-text = Textul licenței { $licence } pentru { $count ->
    [one] această componentă
    [few] aceste { $count } componente
   *[other] aceste { $count } de componente
}
about-javascript = JavaScript
about-only-on = numai pe { $platforms }

# Private notes on lessons and capsules
notes-title = Notițele mele
notes-hint = Doar dumneavoastră vedeți notițele: ele nu ajung niciodată la instituția dumneavoastră.
note-label = Notiță nouă
note-add = Adăugați notița
note-add-at = Adăugați notița la { $time }
note-jump = Reveniți la { $time } în capsulă
note-delete = Ștergeți
note-delete-label = Ștergeți notița „{ $text }”
notes-empty = Încă nicio notiță aici.
note-empty = Scrieți mai întâi ceva.
note-added = Notiță adăugată.
note-deleted = Notiță ștearsă.
notes-export = Exportați notițele…
notes-export-lead = Toate notițele, modul cu modul, într-un fișier Markdown pe care îl păstrați unde doriți.
notes-export-title = Notițele lui { $name }
notes-exported = { $count ->
    [one] 1 notiță scrisă în { $path }
    [few] { $count } notițe scrise în { $path }
   *[other] { $count } de notițe scrise în { $path }
}
notes-file-name = notitele-mele

## The module inside an LMS (SCORM package)
lms-preview = Aceasta este o previzualizare: nicio platformă nu este conectată, așa că progresul dumneavoastră nu se salvează.
lms-progress-reset = Acest modul s-a schimbat de la ultima vizită: progresul dumneavoastră în el începe de la zero.
lms-export-title = Pentru formatori: acest modul într-o platformă de învățare
lms-export-lead = Salvați-l ca pachet pentru Moodle sau altă platformă. Răspunsurile testului se află în pachet.
lms-export-button = Exportă pentru o platformă…
lms-export-done = Salvat: { $path }
lms-format-label = Standard
lms-format-scorm12 = SCORM 1.2 (activitatea SCORM din Moodle, majoritatea platformelor)
lms-format-cmi5 = cmi5 (xAPI, către LRS-ul platformei)

## Search
nav-search = Căutare
search-title = Căutare
search-label = Căutați în toate modulele instalate
search-button = Caută
search-count = { $count ->
    [0] Nu s-a găsit nimic pentru „{ $query }”
    [one] Un pasaj găsit pentru „{ $query }”
    [few] { $count } pasaje găsite pentru „{ $query }”
   *[other] { $count } de pasaje găsite pentru „{ $query }”
}
search-place-note = Notița dumneavoastră
search-place-title = Titlul modulului
search-place-description = Descrierea modulului
search-place-objective = Obiectiv
search-place-activity-title = Titlul activității
search-place-lesson = Lecție
search-place-transcript = Transcriere
search-place-subtitle = Subtitrări
video-at-found = Deschis la { $time }, acolo unde este spus pasajul.

## Attestation of training
attestation-title = Adeverință de formare
attestation-attests = Se adeverește că
attestation-completed-module = a parcurs modulul de formare
attestation-issued-by = Eliberată de
attestation-completed-on = Finalizat la
attestation-time-spent = Timp petrecut
attestation-minutes = minute
attestation-score = Punctaj la test
attestation-objectives = Obiective
attestation-code = Cod de verificare
attestation-note = Instituția poate compara acest cod cu înregistrările primite. Această adeverință nu este un document semnat.
attestation-button = Salvează adeverința mea (PDF)…
attestation-file-name = adeverinta
attestation-saved = Adeverință salvată: { $path } (cod { $code })

## Autoevaluare (chestionar)
kind-survey = Autoevaluare
rule-surveys = completați fiecare autoevaluare o dată.
survey-takes = { $count ->
    [one] Completată o dată
    [few] Completată de { $count } ori
   *[other] Completată de { $count } de ori
}
survey-before-you-start = Înainte de a începe
survey-what-is-sent = Răspunsurile și profilul dumneavoastră sunt păstrate în profilul de pe acest calculator și, ca restul progresului, transmise organizației de formare dacă aceasta colectează evidențele. Reflecția scrisă nu este transmisă niciodată.
survey-reflection-private = Ce scrieți aici rămâne în profilul dumneavoastră de pe acest calculator: nu este transmis niciodată.
survey-missing = { $count ->
    [one] O afirmație nu are încă răspuns: vă rugăm să răspundeți înainte de a trimite.
    [few] { $count } afirmații nu au încă răspuns: vă rugăm să răspundeți înainte de a trimite.
   *[other] { $count } de afirmații nu au încă răspuns: vă rugăm să răspundeți înainte de a trimite.
}
survey-submit = Vedeți profilul meu
survey-saved = Autoevaluarea a fost salvată.
survey-profile = Profilul dumneavoastră
survey-taken-on = Completată pe { $date }.
survey-compared = { $count } completări: prima ({ $first }) alături de cea mai recentă ({ $latest }).
survey-table-caption = Media pe dimensiune, de la 1 la { $scale }
survey-dimension = Dimensiune
survey-first-take = Prima completare ({ $date })
survey-latest-take = Ultima completare ({ $date })
survey-your-score = Media dumneavoastră
survey-recommended = Module care vă pot ajuta
survey-recommended-for = pentru: { $dimensions }
survey-nothing-weak = Nicio dimensiune nu este sub mijlocul scalei: niciun modul de recomandat deocamdată.
survey-your-reflection = Reflecția dumneavoastră
survey-take-again = Completați din nou
survey-radar-label = Diagramă radar a mediei dumneavoastră în { $count } dimensiuni; aceleași cifre sunt în tabelul de mai jos.
survey-legend-latest = ultima completare
survey-legend-first = prima completare

## Legarea profilului de identificatorul instituției; ecranul „Evidența cursanților” pentru formatori
link-title = Legați profilul de instituția dumneavoastră
link-lead = { $institution } vă cere { $label }. Legarea este alegerea dumneavoastră: fără ea, înregistrările dumneavoastră poartă un pseudonim aleatoriu și nimeni de la { $institution } nu poate ști că sunt ale dumneavoastră.
link-what-title = Ce se schimbă dacă legați profilul
link-what-1 = Înregistrările trimise de acum înainte (către { $institution } sau în fișierele de export) poartă { $label } în locul unui pseudonim.
link-what-2 = O înregistrare semnată îi spune instituției { $institution } că înregistrările făcute înainte pe acest computer sunt tot ale dumneavoastră.
link-what-3 = Numele, codul PIN, notițele și reflecțiile scrise nu părăsesc nici acum acest computer.
link-what-4 = Puteți anula legarea oricând: se aplică de atunci înainte. Ce a fost deja trimis rămâne la { $institution }, chiar dacă vă ștergeți profilul.
link-identifier = { $label }
link-agree = Am citit ce se schimbă și sunt de acord să îmi leg profilul.
link-submit = Legați profilul
link-must-agree = Bifați căsuța pentru a vă exprima acordul sau părăsiți pagina: nimic nu se leagă fără acordul dumneavoastră.
link-done = Profilul dumneavoastră este legat de { $identifier } din { $date }.
link-linked-now = Profilul dumneavoastră este legat.
link-unlink = Anulați legarea profilului
link-unlink-confirm = Anulați legarea profilului? De acum înainte, înregistrările vor purta un pseudonim nou. Ce a fost deja trimis rămâne la { $institution }.
link-unlinked = Profilul dumneavoastră nu mai este legat.
link-not-asked = Instituția dumneavoastră nu cere un identificator: înregistrările rămân sub pseudonim.
link-settings-lead = Dacă instituția vă cere numărul matricol sau adresa de e-mail, vă puteți lega profilul de acestea, după ce citiți ce se schimbă.
settings-link = Legați de instituția mea…
settings-open-records = Deschideți evidența cursanților (formatori)…
records-title = Evidența cursanților
records-screen-lead = Reuniți fișierele de export ale mai multor computere, de pe un stick USB, într-un singur raport, cu aceleași cifre ca și comanda dlis merge. Pentru formatori.
records-import = Adăugați fișiere de export…
records-roster = Nume dintr-o listă…
records-roster-none = Nicio listă: cursanții apar după identificator. O listă este un CSV identificator,nume păstrat pe acest computer.
records-roster-set = Nume din { $path }
records-name = Nume
records-save = Salvați raportul…
records-clear = Începeți o listă nouă
records-cleared = Lista fișierelor de export este din nou goală.
records-saved = Raport salvat: { $path }
records-empty = Niciun fișier de export deocamdată: adăugați fișierele exportate de computere.
records-files = Fișiere de export reunite: { $count }
records-refused = Fișiere refuzate (înregistrările lor nu sunt în raport)
records-summary = Ce a găsit reunirea
records-rows-caption = Un rând pentru fiecare cursant și modul
records-learner = Cursant
records-module = Modul
records-completed = Finalizat
records-score = Cel mai bun scor
records-time = Timp petrecut
records-code = Cod de atestare
records-minutes = { $minutes } min
records-yes = da
records-no = nu
records-items-title = Întrebări de revizuit
records-items-lead = O întrebare la care puțini cursanți răspund corect din prima sau la care cei mai slabi răspund la fel de bine ca cei mai buni (discriminare aproape de 0 sau negativă) ar putea fi rescrisă.
records-question = Întrebare
records-learners = Cursanți
records-right-first = Corect din prima
records-discrimination = Discriminare
