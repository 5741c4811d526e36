<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Language</name>
    <message>
        <source>System language (%1)</source>
        <translation>Systeemtaal (%1)</translation>
    </message>
</context>
<context>
    <name>PostWrites</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bewerken…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Reactie bewerken</translation>
    </message>
    <message>
        <source>Edit post</source>
        <translation>Bericht bewerken</translation>
    </message>
    <message>
        <source>Markdown: **bold**, *italic*, `code`, links, @mentions, #hashtags</source>
        <translation>Markdown: **vet**, *cursief*, `code`, links, @vermeldingen, #hashtags</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>Reactie verwijderen</translation>
    </message>
    <message>
        <source>Delete blog page</source>
        <translation>Blogpagina verwijderen</translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>Bericht verwijderen</translation>
    </message>
    <message>
        <source>Delete this comment? Replies stay, and it shows as deleted.</source>
        <translation>Deze reactie verwijderen? Antwoorden blijven staan en de reactie wordt getoond als verwijderd.</translation>
    </message>
    <message>
        <source>Delete this? Its comments stay, and it shows as deleted for everyone.</source>
        <translation>Dit verwijderen? De reacties blijven staan en iedereen ziet het als verwijderd.</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>zojuist</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <comment>minutes, abbreviated</comment>
        <translation>
            <numerusform>%n min geleden</numerusform>
            <numerusform>%n min geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <comment>hours, abbreviated</comment>
        <translation>
            <numerusform>%n uur geleden</numerusform>
            <numerusform>%n uur geleden</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gisteren</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n dag geleden</numerusform>
            <numerusform>%n dagen geleden</numerusform>
        </translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date within this year; QDate format</comment>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date in another year; QDate format</comment>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <comment>long date, then time of day</comment>
        <translation>%1 om %2</translation>
    </message>
</context>
<context>
    <name>plein::client::AppController</name>
    <message>
        <source>Your session could not be kept (%1); you will be asked to sign in next time.</source>
        <translation>Je sessie kon niet worden bewaard (%1); de volgende keer moet je opnieuw inloggen.</translation>
    </message>
    <message>
        <source>The local copy for %1 could not be opened: %2</source>
        <translation>De lokale kopie voor %1 kon niet worden geopend: %2</translation>
    </message>
</context>
<context>
    <name>plein::client::BlogPage</name>
    <message>
        <source>Celebrate</source>
        <translation>Feest</translation>
    </message>
    <message>
        <source>Love</source>
        <translation>Geweldig</translation>
    </message>
    <message>
        <source>Insightful</source>
        <translation>Leerzaam</translation>
    </message>
    <message>
        <source>Funny</source>
        <translation>Grappig</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>Leuk</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publiceren</translation>
    </message>
    <message>
        <source>Blogs</source>
        <translation>Blogs</translation>
    </message>
    <message>
        <source>Longer stories from colleagues and groups</source>
        <translation>Langere verhalen van collega’s en groepen</translation>
    </message>
    <message>
        <source>Write a page…</source>
        <translation>Pagina schrijven…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Write in Markdown: ## headings, **bold**, *italic*, lists, `code`, links, @mentions and #hashtags.</source>
        <translation>Schrijf in Markdown: ## koppen, **vet**, *cursief*, lijsten, `code`, links, @vermeldingen en #hashtags.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>No blog pages yet. Write the first one: a story, a how-to, a look back.</source>
        <translation>Nog geen blogpagina’s. Schrijf de eerste: een verhaal, een handleiding, een terugblik.</translation>
    </message>
    <message>
        <source>Choose a page on the left to read it.</source>
        <translation>Kies links een pagina om die te lezen.</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Door %1</translation>
    </message>
    <message>
        <source>on their profile</source>
        <translation>op eigen profiel</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bewerkt</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>wordt verstuurd…</translation>
    </message>
    <message>
        <source>On my profile, for everyone</source>
        <translation>Op mijn profiel, voor iedereen</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
</context>
<context>
    <name>plein::client::ChatPage</name>
    <message>
        <source>Jump to first unread</source>
        <translation>Naar eerste ongelezen</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>Persoon toevoegen…</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Away</source>
        <translation>● Afwezig</translation>
    </message>
    <message>
        <source>● Do not disturb</source>
        <translation>● Niet storen</translation>
    </message>
    <message>
        <source>Search messages in all rooms</source>
        <translation>Zoek berichten in alle gesprekken</translation>
    </message>
    <message>
        <source>New room…</source>
        <translation>Nieuw gesprek…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Write a message — Markdown, ```code```, @name; Enter sends, Shift+Enter for a new line</source>
        <translation>Schrijf een bericht — Markdown, ```code```, @naam; Enter verstuurt, Shift+Enter voor een nieuwe regel</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <source>Plein</source>
        <translation>Plein</translation>
    </message>
    <message>
        <source>No conversation yet</source>
        <translation>Nog geen gesprekken</translation>
    </message>
    <message>
        <source>Start one with “New room…”.</source>
        <translation>Begin er een met “Nieuw gesprek…”.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Afwezig</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Niet storen</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n lid</numerusform>
            <numerusform>%n leden</numerusform>
        </translation>
    </message>
    <message>
        <source> · muted</source>
        <translation> · gedempt</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 typt…</translation>
    </message>
    <message>
        <source>%1 are typing…</source>
        <translation>%1 typen…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Niet verstuurd</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Antwoord aan %1: %2</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Beantwoorden</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Reageren</translation>
    </message>
    <message>
        <source>Edit and retry</source>
        <translation>Bewerken en opnieuw proberen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Meldingen aan</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Dempen</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlaten</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Gesprek verlaten</translation>
    </message>
    <message>
        <source>Leave this room? Its messages leave this computer too.</source>
        <translation>Dit gesprek verlaten? De berichten verdwijnen ook van deze computer.</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>Nieuw gesprek</translation>
    </message>
    <message>
        <source>Sign-in names of the people, separated by commas
(one name: a direct conversation):</source>
        <translation>Inlognamen van de mensen, gescheiden door komma&apos;s
(één naam: een persoonlijk gesprek):</translation>
    </message>
    <message>
        <source>Nobody is called “%1”.</source>
        <translation>Niemand heet “%1”.</translation>
    </message>
    <message>
        <source>Room name:</source>
        <translation>Naam van het gesprek:</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Persoon toevoegen</translation>
    </message>
    <message>
        <source>Sign-in name:</source>
        <translation>Inlognaam:</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found for “%1”</source>
        <translation>
            <numerusform>%n bericht gevonden voor “%1”</numerusform>
            <numerusform>%n berichten gevonden voor “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::client::CommentsPanel</name>
    <message>
        <source>Comments</source>
        <translation>Reacties</translation>
    </message>
    <message>
        <source>Close comments</source>
        <translation>Reacties sluiten</translation>
    </message>
    <message>
        <source>No comments yet. Be the first to reply.</source>
        <translation>Nog geen reacties. Reageer als eerste.</translation>
    </message>
    <message>
        <source>On the post by %1</source>
        <translation>Bij het bericht van %1</translation>
    </message>
    <message>
        <source>The comment could not be saved.</source>
        <translation>De reactie kon niet worden opgeslagen.</translation>
    </message>
</context>
<context>
    <name>plein::client::Composer</name>
    <message>
        <source>Share something with your colleagues…</source>
        <translation>Deel iets met je collega’s…</translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation>Schrijf een reactie…</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Plaatsen</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Reageren</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Versturen (Ctrl+Enter)</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n teken te veel</numerusform>
            <numerusform>%n tekens te veel</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 van %2 tekens</translation>
    </message>
    <message>
        <source>Ctrl+Enter posts</source>
        <translation>Ctrl+Enter plaatst</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends</source>
        <translation>Ctrl+Enter verstuurt</translation>
    </message>
</context>
<context>
    <name>plein::client::ExpertNotices</name>
    <message>
        <source>%1 asks you about %2</source>
        <translation>%1 heeft een vraag voor je over %2</translation>
    </message>
    <message>
        <source>%1 answered your question about %2</source>
        <translation>%1 heeft je vraag over %2 beantwoord</translation>
    </message>
</context>
<context>
    <name>plein::client::ExpertsPage</name>
    <message>
        <source>Ask the experts</source>
        <translation>Vraag het de experts</translation>
    </message>
    <message>
        <source>Who knows about…?</source>
        <translation>Wie weet er iets van…?</translation>
    </message>
    <message>
        <source>Colleagues are ranked by the skills they list, the endorsements they got, the posts they tagged and the questions they answered. It works offline too.</source>
        <translation>Collega’s worden gerangschikt op de vaardigheden die ze noemen, de aanbevelingen die ze kregen, de berichten die ze taggen en de vragen die ze beantwoordden. Dit werkt ook offline.</translation>
    </message>
    <message>
        <source>A skill or topic, e.g. sql</source>
        <translation>Een vaardigheid of onderwerp, bijv. sql</translation>
    </message>
    <message>
        <source>Find experts</source>
        <translation>Experts zoeken</translation>
    </message>
    <message>
        <source>Ask the top experts a question; they get a notification and their answers stay with the question.</source>
        <translation>Stel de beste experts een vraag; zij krijgen een melding en hun antwoorden blijven bij de vraag.</translation>
    </message>
    <message>
        <source>Your question</source>
        <translation>Je vraag</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Vragen</translation>
    </message>
    <message>
        <source>Type a skill to see who knows about it.</source>
        <translation>Typ een vaardigheid om te zien wie er verstand van heeft.</translation>
    </message>
    <message>
        <source>Nobody in the directory knows about %1 yet.</source>
        <translation>Nog niemand in het smoelenboek weet iets van %1.</translation>
    </message>
    <message>
        <source>1 colleague knows about %1</source>
        <translation>1 collega weet iets van %1</translation>
    </message>
    <message>
        <source>%1 colleagues know about %2</source>
        <translation>%1 collega’s weten iets van %2</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <source>Ask this expert</source>
        <translation>Vraag het deze expert</translation>
    </message>
    <message>
        <source>Ask the top %1 experts</source>
        <translation>Vraag het de beste %1 experts</translation>
    </message>
    <message>
        <source>Your question was sent to %1. Their answers will appear below.</source>
        <translation>Je vraag is verstuurd naar %1. De antwoorden verschijnen hieronder.</translation>
    </message>
    <message>
        <source>the expert</source>
        <translation>de expert</translation>
    </message>
    <message>
        <source>%1 experts</source>
        <translation>%1 experts</translation>
    </message>
    <message>
        <source>No questions yet. Questions you ask or are asked appear here.</source>
        <translation>Nog geen vragen. Vragen die jij stelt of krijgt, staan hier.</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Je antwoord</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Beantwoorden</translation>
    </message>
    <message>
        <source>Plein</source>
        <translation>Plein</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
</context>
<context>
    <name>plein::client::GroupsPage</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interesse</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Besloten</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheim</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n lid</numerusform>
            <numerusform>%n leden</numerusform>
        </translation>
    </message>
    <message>
        <source>owner</source>
        <translation>eigenaar</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wacht</numerusform>
            <numerusform>%n wachten</numerusform>
        </translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>Teams, departments, locations, projects and interests</source>
        <translation>Teams, afdelingen, locaties, projecten en interesses</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Nieuwe groep…</translation>
    </message>
    <message>
        <source>Share something with the group… (Markdown)</source>
        <translation>Deel iets met de groep… (Markdown)</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Plaatsen</translation>
    </message>
    <message>
        <source>Choose a group on the left, or start a new one.</source>
        <translation>Kies links een groep, of begin een nieuwe.</translation>
    </message>
    <message>
        <source> group</source>
        <translation> groep</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlaten</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>Verzoek intrekken</translation>
    </message>
    <message>
        <source>Ask to join</source>
        <translation>Vragen om lid te worden</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Lid worden</translation>
    </message>
    <message>
        <source>%1 asks to join</source>
        <translation>%1 vraagt om lid te worden</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Afwijzen</translation>
    </message>
    <message>
        <source>Waiting for your approval</source>
        <translation>Wacht op je goedkeuring</translation>
    </message>
    <message>
        <source>No posts yet. Start the conversation!</source>
        <translation>Nog geen berichten. Begin het gesprek!</translation>
    </message>
    <message>
        <source>Posts are for members. Ask to join to read along.</source>
        <translation>Berichten zijn voor leden. Vraag om lid te worden om mee te lezen.</translation>
    </message>
    <message>
        <source>Posts are for members. Join to read along.</source>
        <translation>Berichten zijn voor leden. Word lid om mee te lezen.</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Nieuwe groep</translation>
    </message>
    <message>
        <source>Open: anyone can join</source>
        <translation>Open: iedereen kan lid worden</translation>
    </message>
    <message>
        <source>Closed: people ask, owners approve</source>
        <translation>Besloten: mensen vragen het, eigenaren keuren goed</translation>
    </message>
    <message>
        <source>Secret: only members know it exists</source>
        <translation>Geheim: alleen leden weten dat hij bestaat</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Zichtbaarheid</translation>
    </message>
    <message>
        <source>Show c&amp;omments</source>
        <translation>&amp;Reacties tonen</translation>
    </message>
</context>
<context>
    <name>plein::client::HashtagView</name>
    <message>
        <source>#%1 — Plein</source>
        <translation>#%1 — Plein</translation>
    </message>
    <message>
        <source>Nothing with this tag yet.</source>
        <translation>Nog niets met deze tag.</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n posts and pages with this tag</source>
        <translation>
            <numerusform>Het nieuwste bericht of de nieuwste pagina met deze tag</numerusform>
            <numerusform>De nieuwste %n berichten en pagina’s met deze tag</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) and page(s) with this tag</source>
        <translation>
            <numerusform>%n bericht of pagina met deze tag</numerusform>
            <numerusform>%n berichten en pagina’s met deze tag</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::client::HomeClient</name>
    <message>
        <source>Someone</source>
        <translation>Iemand</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 heeft je genoemd</translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation>%1 heeft je genoemd in %2</translation>
    </message>
    <message>
        <source>%1 commented on your post</source>
        <translation>%1 heeft gereageerd op je bericht</translation>
    </message>
    <message>
        <source>%1 reacted to your post</source>
        <translation>%1 heeft je bericht gewaardeerd</translation>
    </message>
    <message>
        <source>Must read: please read and confirm</source>
        <translation>Verplicht lezen: lees het en bevestig</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new notifications</source>
        <translation>
            <numerusform>%n nieuwe melding</numerusform>
            <numerusform>%n nieuwe meldingen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 asked you a question as an expert</source>
        <translation>%1 heeft je als expert een vraag gesteld</translation>
    </message>
    <message>
        <source>%1 answered your question</source>
        <translation>%1 heeft je vraag beantwoord</translation>
    </message>
</context>
<context>
    <name>plein::client::HomePage</name>
    <message>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>+ Add widget</source>
        <translation>+ Widget toevoegen</translation>
    </message>
    <message>
        <source>For you</source>
        <translation>Voor jou</translation>
    </message>
    <message>
        <source>Company timeline</source>
        <translation>Bedrijfstijdlijn</translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation>Goedemorgen</translation>
    </message>
    <message>
        <source>Good afternoon</source>
        <translation>Goedemiddag</translation>
    </message>
    <message>
        <source>Good evening</source>
        <translation>Goedenavond</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <source>Remove from Home</source>
        <translation>Van je startpagina verwijderen</translation>
    </message>
    <message>
        <source>Your start page is empty. Add widgets with the button above.</source>
        <translation>Je startpagina is leeg. Voeg widgets toe met de knop hierboven.</translation>
    </message>
</context>
<context>
    <name>plein::client::MainWindow</name>
    <message>
        <source>Plein</source>
        <translation>Plein</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Nieuws</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Mensen</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>Experts</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Group libraries of versioned files and pages, kept offline when you ask for it.</source>
        <translation>Groepsbibliotheken met bestanden en pagina’s in versies, ook offline beschikbaar als je dat wilt.</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>For administrators: active users, engagement per group and department, and news reach. Always aggregated, never about one person.</source>
        <translation>Voor beheerders: actieve gebruikers, betrokkenheid per groep en afdeling, en het bereik van nieuws. Altijd samengevoegd, nooit over één persoon.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Uitloggen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Plein</source>
        <translation>&amp;Over Plein</translation>
    </message>
    <message>
        <source>No system keychain found; your session is stored in a file in your profile</source>
        <translation>Geen systeemsleutelhanger gevonden; je sessie staat in een bestand in je profiel</translation>
    </message>
    <message>
        <source>About Plein</source>
        <translation>Over Plein</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Plein %1&lt;/h3&gt;&lt;p&gt;The square where your organisation meets: news, groups, people and conversations, also when you are offline.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Plein %1&lt;/h3&gt;&lt;p&gt;Het plein waar je organisatie elkaar ontmoet: nieuws, groepen, mensen en gesprekken, ook als je offline bent.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <source>Experts (%1)</source>
        <translation>Experts (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n new question(s) or answer(s)</source>
        <translation>
            <numerusform>%n nieuwe vraag of nieuw antwoord</numerusform>
            <numerusform>%n nieuwe vragen of antwoorden</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1) Plein</source>
        <translation>(%1) Plein</translation>
    </message>
    <message>
        <source>Blogs</source>
        <translation>Blogs</translation>
    </message>
</context>
<context>
    <name>plein::client::MessageDelegate</name>
    <message>
        <source>This message was deleted.</source>
        <translation>Dit bericht is verwijderd.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bewerkt</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(verwijderd)</translation>
    </message>
    <message>
        <source>Not sent: %1 (right-click to edit and retry, or discard)</source>
        <translation>Niet verstuurd: %1 (rechtsklik om te bewerken en opnieuw te proberen, of weg te gooien)</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Versturen…</translation>
    </message>
</context>
<context>
    <name>plein::client::NewsListDelegate</name>
    <message>
        <source>PINNED</source>
        <translation>VASTGEZET</translation>
    </message>
    <message>
        <source>SCHEDULED</source>
        <translation>GEPLAND</translation>
    </message>
    <message>
        <source>CONFIRMED</source>
        <translation>BEVESTIGD</translation>
    </message>
    <message>
        <source>MUST READ</source>
        <translation>VERPLICHT LEZEN</translation>
    </message>
    <message>
        <source>EVERYONE</source>
        <translation>IEDEREEN</translation>
    </message>
    <message>
        <source>goes out %1</source>
        <translation>verschijnt %1</translation>
    </message>
    <message>
        <source>read by %1 of %2</source>
        <translation>gelezen door %1 van %2</translation>
    </message>
</context>
<context>
    <name>plein::client::NewsPage</name>
    <message>
        <source>Like</source>
        <translation>Leuk</translation>
    </message>
    <message>
        <source>Celebrate</source>
        <translation>Feest</translation>
    </message>
    <message>
        <source>Love</source>
        <translation>Geweldig</translation>
    </message>
    <message>
        <source>Insightful</source>
        <translation>Leerzaam</translation>
    </message>
    <message>
        <source>Funny</source>
        <translation>Grappig</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Nieuws</translation>
    </message>
    <message>
        <source>From Communications and HR, for you</source>
        <translation>Van Communicatie en HR, voor jou</translation>
    </message>
    <message>
        <source>News articles</source>
        <translation>Nieuwsartikelen</translation>
    </message>
    <message>
        <source>Read and understood</source>
        <translation>Gelezen en begrepen</translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation>Schrijf een reactie…</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Reageren</translation>
    </message>
    <message>
        <source>Choose an article on the left.</source>
        <translation>Kies links een artikel.</translation>
    </message>
    <message>
        <source>PINNED</source>
        <translation>VASTGEZET</translation>
    </message>
    <message>
        <source>SCHEDULED</source>
        <translation>GEPLAND</translation>
    </message>
    <message>
        <source>MUST READ</source>
        <translation>VERPLICHT LEZEN</translation>
    </message>
    <message>
        <source>FOR EVERYONE</source>
        <translation>VOOR IEDEREEN</translation>
    </message>
    <message>
        <source>FOR %1</source>
        <translation>VOOR %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bewerkt</translation>
    </message>
    <message>
        <source>✓ You confirmed that you have read and understood this article.</source>
        <translation>✓ Je hebt bevestigd dat je dit artikel hebt gelezen en begrepen.</translation>
    </message>
    <message>
        <source>This article is a must-read. Please confirm that you have read and understood it.</source>
        <translation>Dit artikel moet je lezen. Bevestig dat je het hebt gelezen en begrepen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reach:&lt;/b&gt; read by %1 of %2</source>
        <translation>&lt;b&gt;Bereik:&lt;/b&gt; gelezen door %1 van %2</translation>
    </message>
    <message>
        <source> · %1 confirmed</source>
        <translation> · %1 bevestigd</translation>
    </message>
    <message>
        <source>Not yet confirmed: %1</source>
        <translation>Nog niet bevestigd: %1</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> en nog %n</numerusform>
            <numerusform> en nog %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n reactie</numerusform>
            <numerusform>%n reacties</numerusform>
        </translation>
    </message>
    <message>
        <source> · sending</source>
        <translation> · wordt verstuurd</translation>
    </message>
</context>
<context>
    <name>plein::client::NotificationBell</name>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n unread</source>
        <translation>
            <numerusform>Meldingen: %n ongelezen</numerusform>
            <numerusform>Meldingen: %n ongelezen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::client::NotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>Alles als gelezen markeren</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Nieuws</translation>
    </message>
    <message>
        <source>Nothing yet. Mentions, comments and reactions on your posts, and must-read news show up here.</source>
        <translation>Nog niets. Vermeldingen, reacties en waarderingen op je berichten en nieuws dat je moet lezen, verschijnen hier.</translation>
    </message>
    <message>
        <source>You are all caught up</source>
        <translation>Je bent helemaal bij</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ongelezen</numerusform>
            <numerusform>%n ongelezen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::client::OrgChartView</name>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Move the chart to %1</source>
        <translation>Het organogram rond %1 tonen</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <source>team of %1</source>
        <translation>team van %1</translation>
    </message>
    <message>
        <source>Top of the organisation</source>
        <translation>Top van de organisatie</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>Rapporteert aan</translation>
    </message>
    <message>
        <source>Direct reports (%1)</source>
        <translation>Direct ondergeschikten (%1)</translation>
    </message>
</context>
<context>
    <name>plein::client::Outbox</name>
    <message>
        <source>The server refused a change (%1).</source>
        <translation>De server heeft een wijziging geweigerd (%1).</translation>
    </message>
    <message>
        <source>Your edit could not be saved (%1). The server&apos;s version is shown again.</source>
        <translation>Je bewerking kon niet worden opgeslagen (%1). De versie van de server staat er weer.</translation>
    </message>
    <message>
        <source>Your delete was refused (%1). The item is shown again.</source>
        <translation>Je verwijdering is geweigerd (%1). Het item staat er weer.</translation>
    </message>
    <message>
        <source>Your reaction could not be saved (%1) and was taken back.</source>
        <translation>Je reactie kon niet worden opgeslagen (%1) en is teruggedraaid.</translation>
    </message>
    <message>
        <source>Your message could not be posted (%1). It is kept, marked as failed.</source>
        <translation>Je bericht kon niet worden geplaatst (%1). Het blijft bewaard, gemarkeerd als mislukt.</translation>
    </message>
    <message>
        <source>Your change could not be saved (%1) and was taken back.</source>
        <translation>Je wijziging kon niet worden opgeslagen (%1) en is teruggedraaid.</translation>
    </message>
</context>
<context>
    <name>plein::client::PeopleDirectory</name>
    <message>
        <source>1 endorsement</source>
        <translation>1 aanbeveling</translation>
    </message>
    <message>
        <source>%1 endorsements</source>
        <translation>%1 aanbevelingen</translation>
    </message>
    <message>
        <source>1 post tagged #%1</source>
        <translation>1 bericht met #%1</translation>
    </message>
    <message>
        <source>%1 posts tagged #%2</source>
        <translation>%1 berichten met #%2</translation>
    </message>
    <message>
        <source>1 answer given</source>
        <translation>1 antwoord gegeven</translation>
    </message>
    <message>
        <source>%1 answers given</source>
        <translation>%1 antwoorden gegeven</translation>
    </message>
    <message>
        <source>lists %1 as a skill</source>
        <translation>noemt %1 als vaardigheid</translation>
    </message>
</context>
<context>
    <name>plein::client::PeoplePage</name>
    <message>
        <source>Search people by name, title or skill</source>
        <translation>Zoek collega’s op naam, functie of vaardigheid</translation>
    </message>
    <message>
        <source>Faces</source>
        <translation>Smoelen</translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation>Organogram</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Alle afdelingen</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>Alle locaties</translation>
    </message>
    <message>
        <source>1 colleague</source>
        <translation>1 collega</translation>
    </message>
    <message>
        <source>%1 colleagues</source>
        <translation>%1 collega’s</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bericht sturen</translation>
    </message>
    <message>
        <source>The conversation cannot be opened: %1</source>
        <translation>Het gesprek kan niet worden geopend: %1</translation>
    </message>
</context>
<context>
    <name>plein::client::PeopleService</name>
    <message>
        <source>Sign in once before writing.</source>
        <translation>Meld je eenmaal aan voordat je iets schrijft.</translation>
    </message>
    <message>
        <source>You can endorse the skills of others only.</source>
        <translation>Je kunt alleen de vaardigheden van anderen aanbevelen.</translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation>Niet verbonden met de server.</translation>
    </message>
    <message>
        <source>A photo must be at most %1 MB.</source>
        <translation>Een foto mag hoogstens %1 MB zijn.</translation>
    </message>
    <message>
        <source>Photos can be changed only while online.</source>
        <translation>Je foto wijzigen kan alleen als je online bent.</translation>
    </message>
</context>
<context>
    <name>plein::client::PlaceholderPage</name>
    <message>
        <source>Coming soon</source>
        <translation>Binnenkort</translation>
    </message>
</context>
<context>
    <name>plein::client::PostDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>Wordt verstuurd…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Niet verstuurd</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Niet verstuurd: %1</translation>
    </message>
    <message>
        <source>Unlike</source>
        <translation>Niet meer leuk vinden</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>Leuk</translation>
    </message>
    <message>
        <source>Show comments</source>
        <translation>Reacties tonen</translation>
    </message>
    <message>
        <source>Celebrate</source>
        <translation>Feest</translation>
    </message>
    <message>
        <source>Love</source>
        <translation>Geweldig</translation>
    </message>
    <message>
        <source>Insightful</source>
        <translation>Leerzaam</translation>
    </message>
    <message>
        <source>Funny</source>
        <translation>Grappig</translation>
    </message>
    <message>
        <source>+ React</source>
        <translation>+ Waarderen</translation>
    </message>
    <message>
        <source>This post was deleted.</source>
        <translation>Dit bericht is verwijderd.</translation>
    </message>
    <message>
        <source>This comment was deleted.</source>
        <translation>Deze reactie is verwijderd.</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bewerkt</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Bewerkt op %1</translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation>Waardering toevoegen</translation>
    </message>
</context>
<context>
    <name>plein::client::ProfileView</name>
    <message>
        <source>This person is not in the directory.</source>
        <translation>Deze persoon staat niet in het smoelenboek.</translation>
    </message>
    <message>
        <source>No longer works here</source>
        <translation>Werkt hier niet meer</translation>
    </message>
    <message>
        <source>Reports to %1</source>
        <translation>Rapporteert aan %1</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>sinds %1</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bericht sturen</translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation>Organogram</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Profiel bewerken</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactiveren</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Weer activeren</translation>
    </message>
    <message>
        <source>Deactivate %1? They are signed out everywhere and leave the directory; their posts stay.</source>
        <translation>%1 deactiveren? Diegene wordt overal afgemeld en verdwijnt uit het smoelenboek; de berichten blijven staan.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Talen</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Vaardigheden</translation>
    </message>
    <message>
        <source>No skills listed yet.</source>
        <translation>Nog geen vaardigheden genoemd.</translation>
    </message>
    <message>
        <source>1 endorsement</source>
        <translation>1 aanbeveling</translation>
    </message>
    <message>
        <source>%1 endorsements</source>
        <translation>%1 aanbevelingen</translation>
    </message>
    <message>
        <source>You endorsed this; click to withdraw</source>
        <translation>Jij beveelt dit aan; klik om in te trekken</translation>
    </message>
    <message>
        <source>Endorse %1 for %2</source>
        <translation>%1 aanbevelen voor %2</translation>
    </message>
    <message>
        <source>Recent posts</source>
        <translation>Recente berichten</translation>
    </message>
    <message>
        <source>sql, python, project management</source>
        <translation>sql, python, projectmanagement</translation>
    </message>
    <message>
        <source>Choose a photo…</source>
        <translation>Kies een foto…</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Over jou</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Open your conversation with %1 in Chat</source>
        <translation>Open je gesprek met %1 in Chat</translation>
    </message>
    <message>
        <source>%1 no longer works here</source>
        <translation>%1 werkt hier niet meer</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>You are not in any group yet.</source>
        <translation>Je bent nog geen lid van een groep.</translation>
    </message>
    <message>
        <source>No groups in common, and none started by %1.</source>
        <translation>Geen gezamenlijke groepen, en geen groepen die %1 is begonnen.</translation>
    </message>
    <message>
        <source>%1 · owner</source>
        <translation>%1 · eigenaar</translation>
    </message>
    <message>
        <source>Groups you share, and the ones %1 started.</source>
        <translation>Groepen waar jullie allebei lid van zijn, en groepen die %1 is begonnen.</translation>
    </message>
    <message>
        <source>Nothing posted yet.</source>
        <translation>Nog niets geplaatst.</translation>
    </message>
    <message>
        <source>Company timeline</source>
        <translation>Bedrijfstijdlijn</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>✓ Following</source>
        <translation>✓ Volgend</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Volgen</translation>
    </message>
    <message>
        <source>Your timeline shows %1&apos;s posts; click to stop following</source>
        <translation>Je tijdlijn toont de berichten van %1; klik om niet meer te volgen</translation>
    </message>
    <message>
        <source>Show %1&apos;s posts in your timeline</source>
        <translation>De berichten van %1 in je tijdlijn tonen</translation>
    </message>
</context>
<context>
    <name>plein::client::Session</name>
    <message>
        <source>No account is open.</source>
        <translation>Er is geen account geopend.</translation>
    </message>
</context>
<context>
    <name>plein::client::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Display language:</source>
        <translation>Weergavetaal:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Uitloggen</translation>
    </message>
    <message>
        <source>Plein follows your system&apos;s language unless you choose one here.</source>
        <translation>Plein volgt de taal van je systeem, tenzij je hier een taal kiest.</translation>
    </message>
    <message>
        <source>The new language is used the next time you start Plein.</source>
        <translation>De nieuwe taal wordt gebruikt zodra je Plein opnieuw start.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) on %3</source>
        <translation>Ingelogd als %1 (%2) op %3</translation>
    </message>
    <message>
        <source>Your session is kept in the system keychain.</source>
        <translation>Je sessie wordt bewaard in de sleutelhanger van je systeem.</translation>
    </message>
    <message>
        <source>No system keychain found; your session is stored in a file in your profile (%1), readable only by you.</source>
        <translation>Geen systeemsleutelhanger gevonden; je sessie staat in een bestand in je profiel (%1) dat alleen jij kunt lezen.</translation>
    </message>
</context>
<context>
    <name>plein::client::SignInDialog</name>
    <message>
        <source>Sign in to Plein</source>
        <translation>Inloggen bij Plein</translation>
    </message>
    <message>
        <source>Your organisation&apos;s square for news, groups and colleagues.</source>
        <translation>Het plein van je organisatie, voor nieuws, groepen en collega’s.</translation>
    </message>
    <message>
        <source>ws://plein.example.com:8765</source>
        <translation>ws://plein.example.com:8765</translation>
    </message>
    <message>
        <source>for example anna</source>
        <translation>bijvoorbeeld anna</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Je wachtwoord</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>No system keychain found; your session is stored in a file in your profile, readable only by you.</source>
        <translation>Geen systeemsleutelhanger gevonden; je sessie wordt bewaard in een bestand in je profiel dat alleen jij kunt lezen.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>The user name or password is not right. Check them and try again.</source>
        <translation>De gebruikersnaam of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait a while, then try again.</source>
        <translation>Te veel mislukte pogingen. Wacht even en probeer het dan opnieuw.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in with your password to continue.</source>
        <translation>Je sessie is beëindigd. Log in met je wachtwoord om verder te gaan.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and your network connection, then try again.</source>
        <translation>De server op %1 is niet bereikbaar. Controleer het adres en je netwerkverbinding en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This server speaks a different version of Plein. Update Plein and try again.</source>
        <translation>Deze server spreekt een andere versie van Plein. Werk Plein bij en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Signing in did not work (%1). Try again in a moment.</source>
        <translation>Inloggen is niet gelukt (%1). Probeer het zo nog eens.</translation>
    </message>
    <message>
        <source>Signing in did not work: %1</source>
        <translation>Inloggen is niet gelukt: %1</translation>
    </message>
    <message>
        <source>Enter the address of your Plein server.</source>
        <translation>Vul het adres van je Plein-server in.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address. It looks like ws://plein.example.com:8765.</source>
        <translation>‘%1’ is geen serveradres. Een serveradres ziet eruit als ws://plein.example.com:8765.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Vul je gebruikersnaam in.</translation>
    </message>
    <message>
        <source>A user name has only letters, digits, dots, dashes and underscores.</source>
        <translation>Een gebruikersnaam bestaat alleen uit letters, cijfers, punten, streepjes en liggende streepjes.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Vul je wachtwoord in.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Bezig met inloggen…</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts, try again in %n second(s).</source>
        <translation>
            <numerusform>Te veel pogingen, probeer het over %n seconde opnieuw.</numerusform>
            <numerusform>Te veel pogingen, probeer het over %n seconden opnieuw.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts, try again in %n minute(s).</source>
        <translation>
            <numerusform>Te veel pogingen, probeer het over %n minuut opnieuw.</numerusform>
            <numerusform>Te veel pogingen, probeer het over %n minuten opnieuw.</numerusform>
        </translation>
    </message>
    <message>
        <source>Try again in %1:%2</source>
        <translation>Opnieuw over %1:%2</translation>
    </message>
</context>
<context>
    <name>plein::client::StatusIndicator</name>
    <message numerus="yes">
        <source>Online — sending %n change(s)</source>
        <translation>
            <numerusform>Online — %n wijziging wordt verstuurd</numerusform>
            <numerusform>Online — %n wijzigingen worden verstuurd</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n pending</source>
        <translation>
            <numerusform>Offline — %n wijziging wacht</numerusform>
            <numerusform>Offline — %n wijzigingen wachten</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Not connected. Everything you write is kept and sent once the server is back.</source>
        <translation>Geen verbinding. Alles wat je schrijft wordt bewaard en verstuurd zodra de server weer bereikbaar is.</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbonden met %1</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbinden met %1</translation>
    </message>
</context>
<context>
    <name>plein::client::SyncEngine</name>
    <message>
        <source>Timed out connecting to %1</source>
        <translation>Verbinden met %1 duurde te lang</translation>
    </message>
    <message>
        <source>The session was ended on the server; sign in again.</source>
        <translation>De sessie is op de server beëindigd; log opnieuw in.</translation>
    </message>
    <message>
        <source>The server does not speak this version of Plein.</source>
        <translation>De server spreekt deze versie van Plein niet.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>De verbinding is verbroken.</translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation>Niet verbonden met de server.</translation>
    </message>
    <message>
        <source>A message from the server was too large to read; reconnecting.</source>
        <translation>Een bericht van de server was te groot om te lezen; opnieuw verbinden.</translation>
    </message>
    <message>
        <source>A message from the server could not be read; reconnecting.</source>
        <translation>Een bericht van de server kon niet worden gelezen; opnieuw verbinden.</translation>
    </message>
</context>
<context>
    <name>plein::client::TimelinePage</name>
    <message>
        <source>Company timeline</source>
        <translation>Bedrijfstijdlijn</translation>
    </message>
    <message>
        <source>What is happening across the organisation</source>
        <translation>Wat er speelt in de hele organisatie</translation>
    </message>
    <message>
        <source>Nothing here yet. Share the first post with your colleagues!</source>
        <translation>Hier staat nog niets. Deel het eerste bericht met je collega’s!</translation>
    </message>
    <message>
        <source>The post could not be saved.</source>
        <translation>Het bericht kon niet worden opgeslagen.</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>Tekst &amp;kopiëren</translation>
    </message>
    <message>
        <source>Fetching the timeline…</source>
        <translation>De tijdlijn wordt opgehaald…</translation>
    </message>
    <message>
        <source>&amp;Unlike</source>
        <translation>&amp;Niet meer leuk vinden</translation>
    </message>
    <message>
        <source>&amp;Like</source>
        <translation>&amp;Leuk vinden</translation>
    </message>
    <message>
        <source>Show c&amp;omments</source>
        <translation>&amp;Reacties tonen</translation>
    </message>
</context>
<context>
    <name>plein::client::TokenStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Kan %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>Kan %1 niet aanmaken</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
    </message>
    <message numerus="yes">
        <source>the keychain did not answer within %n second(s)</source>
        <translation>
            <numerusform>de sleutelhanger antwoordde niet binnen %n seconde</numerusform>
            <numerusform>de sleutelhanger antwoordde niet binnen %n seconden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::client::homewidgets</name>
    <message>
        <source>in News</source>
        <translation>in Nieuws</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>company-wide</source>
        <translation>bedrijfsbreed</translation>
    </message>
    <message>
        <source>Show %1 in my timeline</source>
        <translation>%1 in mijn tijdlijn tonen</translation>
    </message>
    <message>
        <source>Follow %1</source>
        <translation>%1 volgen</translation>
    </message>
    <message>
        <source>Mute notifications from %1</source>
        <translation>Meldingen van %1 dempen</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Nieuws</translation>
    </message>
    <message>
        <source>My timeline</source>
        <translation>Mijn tijdlijn</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Vermeldingen</translation>
    </message>
    <message>
        <source>My groups</source>
        <translation>Mijn groepen</translation>
    </message>
    <message>
        <source>New colleagues</source>
        <translation>Nieuwe collega’s</translation>
    </message>
    <message>
        <source>No news yet.</source>
        <translation>Nog geen nieuws.</translation>
    </message>
    <message>
        <source>Follow groups and people to fill your timeline.</source>
        <translation>Volg groepen en mensen om je tijdlijn te vullen.</translation>
    </message>
    <message>
        <source>mentioned you</source>
        <translation>heeft je genoemd</translation>
    </message>
    <message>
        <source>mentioned you in %1</source>
        <translation>heeft je genoemd in %1</translation>
    </message>
    <message>
        <source>When someone @mentions you, it shows here.</source>
        <translation>Als iemand je met @naam noemt, zie je dat hier.</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>eigenaar</translation>
    </message>
    <message>
        <source>Join a group on the Groups page.</source>
        <translation>Word lid van een groep op de pagina Groepen.</translation>
    </message>
    <message>
        <source>%1, started %2</source>
        <translation>%1, in dienst sinds %2</translation>
    </message>
    <message>
        <source>No one new in the last three months.</source>
        <translation>Geen nieuwe collega’s in de afgelopen drie maanden.</translation>
    </message>
</context>
</TS>
