#include "seed/DemoData.h"

#include "model/Ids.h"

namespace plein::server::demo {

QString user(const char *name)
{
    return ids::derived(QStringLiteral("demo:user:") + QLatin1String(name));
}

const QList<PersonSpec> &people()
{
    static const QList<PersonSpec> list = {
        // Finance
        {"anna", "Anna de Vries", "employee", "Finance", "Controller"},
        {"pieter", "Pieter van Dijk", "employee", "Finance", "Head of Finance"},
        {"femke", "Femke Mulder", "employee", "Finance", "Financial Analyst"},
        {"oliver", "Oliver Bennett", "employee", "Finance", "Accounts Payable Specialist"},
        {"noor", "Noor van Leeuwen", "employee", "Finance", "Payroll Administrator"},
        {"samuel", "Samuel Green", "employee", "Finance", "Treasury Analyst"},
        // Human Resources
        {"sanne", "Sanne Bakker", "editor", "Human Resources", "HR Director"},
        {"emily", "Emily Carter", "employee", "Human Resources", "HR Business Partner"},
        {"ruben", "Ruben Hendriks", "employee", "Human Resources", "Recruiter"},
        {"iris", "Iris Brouwer", "employee", "Human Resources", "Learning & Development Advisor"},
        {"grace", "Grace Mitchell", "employee", "Human Resources", "HR Advisor"},
        // Communications
        {"eva", "Eva Visser", "editor", "Communications", "Head of Communications"},
        {"james", "James Whitfield", "editor", "Communications", "Internal Communications Manager"},
        {"lotte", "Lotte Meijer", "employee", "Communications", "Content Editor"},
        {"chloe", "Chloe Baker", "employee", "Communications", "Graphic Designer"},
        // IT
        {"daan", "Daan Smit", "admin", "IT", "IT Manager"},
        {"priya", "Priya Sharma", "employee", "IT", "Software Engineer"},
        {"thijs", "Thijs de Groot", "employee", "IT", "Systems Administrator"},
        {"harry", "Harry Thompson", "employee", "IT", "Security Officer"},
        {"jesse", "Jesse de Wit", "employee", "IT", "Service Desk Analyst"},
        {"mohammed", "Mohammed El Amrani", "employee", "IT", "Data Engineer"},
        {"lucy", "Lucy Morgan", "employee", "IT", "Product Owner"},
        {"milan", "Milan Smits", "employee", "IT", "Front-end Developer"},
        // Sales
        {"bram", "Bram de Boer", "employee", "Sales", "Sales Director"},
        {"charlotte", "Charlotte Hughes", "employee", "Sales", "Account Manager"},
        {"lucas", "Lucas Vos", "employee", "Sales", "Account Manager"},
        {"amelia", "Amelia Clarke", "employee", "Sales", "Business Developer"},
        {"koen", "Koen de Haan", "employee", "Sales", "Inside Sales Representative"},
        {"tess", "Tess Vermeulen", "employee", "Sales", "Sales Support Officer"},
        // Customer Service
        {"julia", "Julia Peters", "employee", "Customer Service", "Customer Service Manager"},
        {"jack", "Jack Robinson", "employee", "Customer Service", "Customer Service Agent"},
        {"fleur", "Fleur Dijkstra", "employee", "Customer Service", "Customer Service Agent"},
        {"ayse", "Ayşe Yılmaz", "employee", "Customer Service", "Team Lead"},
        {"hannah", "Hannah Walker", "employee", "Customer Service", "Quality Coach"},
        // Operations
        {"jan", "Jan Jansen", "employee", "Operations", "Operations Manager"},
        {"sophie", "Sophie Bos", "employee", "Operations", "Logistics Planner"},
        {"george", "George Evans", "employee", "Operations", "Facility Manager"},
        {"sem", "Sem Dekker", "employee", "Operations", "Warehouse Supervisor"},
        {"emma", "Emma de Graaf", "employee", "Operations", "Process Improvement Lead"},
        {"thomas", "Thomas Wright", "employee", "Operations", "Health & Safety Officer"},
        {"anouk", "Anouk van den Berg", "employee", "Operations", "Purchaser"},
        // Legal
        {"lars", "Lars van der Meer", "employee", "Legal", "General Counsel"},
        {"olivia", "Olivia Turner", "employee", "Legal", "Privacy Officer"},
        {"maud", "Maud Jacobs", "employee", "Legal", "Legal Counsel"},
        // Management
        {"willem", "Willem Hoekstra", "admin", "Management", "Chief Executive Officer"},
        {"daniel", "Daniel Hall", "employee", "Management", "Chief Operating Officer"},
        {"joris", "Joris Kok", "employee", "Management", "Executive Assistant"},
        {"yasmin", "Yasmin Bouzid", "employee", "Management", "Strategy Advisor"},
    };
    return list;
}

const QList<const char *> &postTexts()
{
    static const QList<const char *> list = {
        "Goedemorgen allemaal! De koffie op de derde verdieping is weer gerepareerd.",
        "Good morning everyone! The coffee machine on the third floor works again.",
        "Reminder: the quarterly figures are due this Friday. Please send your cost centre reports to Finance before Thursday noon.",
        "Herinnering: de kwartaalcijfers moeten vrijdag binnen zijn. Stuur je kostenplaatsrapportage vóór donderdag 12:00 naar Finance.",
        "Welkom aan onze nieuwe collega's die deze week zijn begonnen! Zeg gerust even hallo bij de lunch.",
        "A warm welcome to the colleagues who joined us this week! Feel free to say hello at lunch.",
        "De nieuwe versie van het klantportaal staat live. Laat het weten als je iets vreemds ziet.",
        "The new release of the customer portal is live. Let us know if anything looks off.",
        "Friday drinks are on again this week, 16:30 in the canteen. Bring your team!",
        "Vrijdagmiddagborrel vanaf 16:30 in de kantine. Neem je team mee!",
        "Who else is joining the charity run in Utrecht next month? We have 12 places left on the company team.",
        "Wie loopt er mee met de Singelloop in Utrecht volgende maand? Er zijn nog 12 plekken in het bedrijfsteam.",
        "Thanks to everyone who helped with the warehouse move last weekend. Everything was running again by Monday 8:00.",
        "Dank aan iedereen die afgelopen weekend heeft geholpen bij de verhuizing van het magazijn. Maandag om 8:00 draaide alles weer.",
        "Phishing alert: we are seeing emails that pretend to come from our CEO asking for gift cards. Don't click, report them to the service desk.",
        "Let op: er gaan phishingmails rond die van onze directeur lijken te komen en om cadeaukaarten vragen. Niet klikken, meld ze bij de servicedesk.",
        "We just closed our biggest deal of the year with a logistics customer in Rotterdam. Great work, team Sales!",
        "Zojuist de grootste deal van het jaar gesloten met een logistieke klant in Rotterdam. Top gedaan, team Sales!",
        "The lunch lecture on Thursday is about sustainable purchasing. Sign up via the HR page.",
        "Donderdag is er een lunchlezing over duurzaam inkopen. Aanmelden kan via de HR-pagina.",
        "Our customer satisfaction score went up from 7.8 to 8.3 this quarter. Thank you, Customer Service!",
        "De klanttevredenheid is dit kwartaal gestegen van 7,8 naar 8,3. Dank je wel, Klantenservice!",
        "Planned maintenance: the VPN will be unavailable on Saturday between 22:00 and 02:00.",
        "Gepland onderhoud: de VPN is zaterdag tussen 22:00 en 02:00 niet beschikbaar.",
        "Does anyone have experience with the new expense tool? Looking for tips before I submit my first claim.",
        "Heeft iemand al ervaring met de nieuwe declaratietool? Ik zoek tips voordat ik mijn eerste declaratie indien.",
        "The bike shed at the back entrance is full every morning. We are adding 40 extra places next month.",
        "De fietsenstalling bij de achteringang is elke ochtend vol. Volgende maand komen er 40 plekken bij.",
        "New in the library: three books on negotiation and one on data visualisation. Borrow them at the front desk.",
        "Nieuw in de bibliotheek: drie boeken over onderhandelen en één over datavisualisatie. Te leen bij de receptie.",
        "Congratulations to our Operations team for 365 days without a lost-time accident!",
        "Gefeliciteerd, team Operations: 365 dagen zonder verzuimongeval!",
        "Open enrolment for the pension scheme closes at the end of the month. Questions? Drop by the HR desk.",
        "De inschrijving voor de pensioenregeling sluit aan het eind van de maand. Vragen? Loop even langs bij HR.",
        "We are looking for volunteers to show the new interns around on their first day.",
        "We zoeken vrijwilligers die de nieuwe stagiairs op hun eerste dag rondleiden.",
        "The summer party will be on the 28th at the beach pavilion in Scheveningen. Save the date!",
        "Het zomerfeest is op de 28e in het strandpaviljoen in Scheveningen. Zet het alvast in je agenda!",
        "Tip: you can now book meeting rooms from your phone. The old booking sheets are going away.",
        "Tip: je kunt vergaderruimtes nu ook vanaf je telefoon reserveren. De papieren lijsten verdwijnen.",
        "Our privacy training is mandatory for everyone this year. It takes about 30 minutes.",
        "De privacytraining is dit jaar verplicht voor iedereen en duurt ongeveer 30 minuten.",
        "Who left a blue umbrella in meeting room Amstel? It is waiting for you at reception.",
        "Wie heeft er een blauwe paraplu laten staan in vergaderruimte Amstel? Hij staat bij de receptie.",
        "Proud to share that our data platform migration is finished, two weeks ahead of plan.",
        "Trots om te melden dat de migratie van ons dataplatform klaar is, twee weken eerder dan gepland.",
        "The canteen menu now has a vegan option every day. Feedback is welcome!",
        "In de kantine staat nu elke dag een veganistische optie op het menu. Feedback is welkom!",
        "Team Finance is hiring: we are looking for a senior controller. Know someone? Let us know.",
        "Team Finance zoekt een senior controller. Ken je iemand? Laat het ons weten.",
        "Great session with the customer panel today. Their number one wish: faster answers by chat.",
        "Mooie sessie met het klantenpanel vandaag. Hun grootste wens: sneller antwoord via de chat.",
        "Heads-up: the parking garage entrance will be closed on Wednesday morning for repairs.",
        "Let op: de ingang van de parkeergarage is woensdagochtend dicht vanwege reparaties.",
    };
    return list;
}

const QList<const char *> &commentTexts()
{
    static const QList<const char *> list = {
        "Great news!",
        "Goed nieuws!",
        "Thanks for sharing.",
        "Bedankt voor het delen.",
        "Count me in!",
        "Ik doe mee!",
        "Well done, everyone.",
        "Goed gedaan, allemaal.",
        "Is there a link to sign up?",
        "Is er een link om je aan te melden?",
        "Finally! 🎉",
        "Eindelijk! 🎉",
        "Can we get this in the newsletter too?",
        "Kan dit ook in de nieuwsbrief?",
        "I'll forward this to my team.",
        "Ik stuur het door naar mijn team.",
        "Good to know, thanks.",
        "Goed om te weten, dank je.",
        "Does this apply to the Eindhoven office as well?",
        "Geldt dit ook voor de vestiging in Eindhoven?",
        "Nice work!",
        "Mooi werk!",
        "See you there.",
        "Tot dan!",
        "Who do I ask if I have questions?",
        "Bij wie kan ik terecht met vragen?",
        "Super, that saves a lot of time.",
        "Top, dat scheelt een hoop tijd.",
        "Congratulations!",
        "Gefeliciteerd!",
    };
    return list;
}

} // namespace plein::server::demo
