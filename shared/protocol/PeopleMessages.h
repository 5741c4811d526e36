#pragma once

#include "protocol/Error.h"
#include "protocol/Messages.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// People on the wire (see "People" in docs/protocol.md): profiles, photos, skills and
// endorsements, deactivation, and the Kennisconnector's questions to experts.
namespace plein::protocol {

namespace kind {
inline constexpr char Profile[] = "profile";          // id = person; audience org
inline constexpr char Endorsement[] = "endorsement";  // id = "<person>:<skill>:<by>"; audience org
inline constexpr char Question[] = "question";        // id = question; audience org
inline constexpr char Answer[] = "answer";            // id = answer; audience org
inline constexpr char Notice[] = "notice";            // id = "<question>:<user>"; audience user:<user>
} // namespace kind

namespace people {
constexpr int MaxBioChars = 2000;
constexpr int MaxPhoneChars = 40;
constexpr int MaxEmailChars = 254;
constexpr int MaxFieldChars = 128;           // title, department, location
constexpr int MaxSkillChars = 40;
constexpr int MaxSkills = 30;
constexpr int MaxLanguages = 10;
constexpr int MaxQuestionChars = 2000;
constexpr int MaxAnswerChars = 4000;
constexpr int MaxExpertsAsked = 5;
constexpr int MaxSearchTermChars = 100;
constexpr qint64 MaxPhotoBytes = 4 * 1024 * 1024;   // one uploaded photo, whole
constexpr int PhotoChunkBytes = 128 * 1024;         // raw bytes per photo.upload / photo.data piece
constexpr int MaxPhotoSide = 8000;                  // pixels, either side
constexpr qint64 MaxPhotoPixels = 25'000'000;       // width * height, before decoding
constexpr int ThumbSide = 96;                       // size "s": the face grid
constexpr int MediumSide = 320;                     // size "m": the profile page

inline constexpr char SizeSmall[] = "s";
inline constexpr char SizeMedium[] = "m";
inline constexpr char SizeOriginal[] = "o";
inline constexpr char NoticeQuestion[] = "expert.question";  // you were asked
inline constexpr char NoticeAnswer[] = "expert.answer";      // your question was answered

// A skill tag: lower case, trimmed, no leading '#', inner spaces as '-', only letters,
// digits and + # . - _ ; empty when nothing is left or it is longer than MaxSkillChars.
QString normaliseSkill(const QString &raw);
// The hashtags of a text, normalised, each once.
QStringList hashtags(const QString &text);
// A start date: empty or yyyy-MM-dd.
bool isValidDate(const QString &date);
bool isValidSize(const QString &size);
} // namespace people

// data of kind::Profile: what the directory shows beyond the `user` change (name, title,
// department live there).
struct Profile
{
    QString id;
    QString email;
    QString phone;
    QString bio;
    QString location;
    QString manager;          // person id or empty
    QString startDate;        // yyyy-MM-dd or empty
    QStringList skills;       // normalised tags
    QStringList languages;
    QString photo;            // SHA-256 hex of the original, or empty
    bool active = true;
    bool operator==(const Profile &) const = default;
};

// profile.update (write): every field is optional; present fields are set. `person`
// defaults to the writer. Own fields: bio, phone, skills, languages, photo (the person
// only). Admin fields: title, department, location, manager, email, start_date (admins).
struct ProfileUpdateBody
{
    QString person;
    std::optional<QString> bio, phone, photo, title, department, location, manager, email, startDate;
    std::optional<QStringList> skills, languages;
};

struct PersonActiveBody { QString person; bool active = false; };           // person.active (admin write)
struct EndorseBody { QString person; QString skill; bool endorsed = true; };  // skill.endorse (write)
struct Endorsement { QString person; QString skill; QString by; bool endorsed = true; };

struct ExpertAskBody { QString id; QString topic; QString text; QStringList experts; };  // expert.ask (write)
struct ExpertAnswerBody { QString id; QString question; QString text; };                // expert.answer (write)
struct Question { QString id; QString asker; QString topic; QString text; QStringList experts; qint64 created = 0; };
struct Answer { QString id; QString question; QString author; QString text; qint64 created = 0; };
struct Notice { QString id; QString kind; QString question; QString from; QString text; qint64 created = 0; };

struct ExpertGapBody { QString term; };                                  // expert.gap (request)
struct Gap { QString term; int count = 0; qint64 last = 0; };
struct GapsBody { QList<Gap> gaps; };                                    // expert.gaps.list (answer to expert.gaps)

// photo.upload (request): one piece of a photo; the last piece (offset + size == total)
// is answered with photo.stored, the others with ok.
struct PhotoUploadBody { QString upload; qint64 offset = 0; qint64 total = 0; QByteArray data; };
struct PhotoStoredBody { QString hash; int width = 0; int height = 0; };
// photo.get (request) and photo.data (its answer): one piece of a stored photo.
struct PhotoGetBody { QString hash; QString size; qint64 offset = 0; };
struct PhotoDataBody { QString hash; QString size; qint64 offset = 0; qint64 total = 0; QByteArray data; };

QJsonObject encode(const Profile &);
QJsonObject encode(const ProfileUpdateBody &);
QJsonObject encode(const PersonActiveBody &);
QJsonObject encode(const EndorseBody &);
QJsonObject encode(const Endorsement &);
QJsonObject encode(const ExpertAskBody &);
QJsonObject encode(const ExpertAnswerBody &);
QJsonObject encode(const Question &);
QJsonObject encode(const Answer &);
QJsonObject encode(const Notice &);
QJsonObject encode(const ExpertGapBody &);
QJsonObject encode(const GapsBody &);
QJsonObject encode(const PhotoUploadBody &);
QJsonObject encode(const PhotoStoredBody &);
QJsonObject encode(const PhotoGetBody &);
QJsonObject encode(const PhotoDataBody &);
template<> Result<Profile> decode<Profile>(const QJsonObject &o);
template<> Result<ProfileUpdateBody> decode<ProfileUpdateBody>(const QJsonObject &o);
template<> Result<PersonActiveBody> decode<PersonActiveBody>(const QJsonObject &o);
template<> Result<EndorseBody> decode<EndorseBody>(const QJsonObject &o);
template<> Result<Endorsement> decode<Endorsement>(const QJsonObject &o);
template<> Result<ExpertAskBody> decode<ExpertAskBody>(const QJsonObject &o);
template<> Result<ExpertAnswerBody> decode<ExpertAnswerBody>(const QJsonObject &o);
template<> Result<Question> decode<Question>(const QJsonObject &o);
template<> Result<Answer> decode<Answer>(const QJsonObject &o);
template<> Result<Notice> decode<Notice>(const QJsonObject &o);
template<> Result<ExpertGapBody> decode<ExpertGapBody>(const QJsonObject &o);
template<> Result<GapsBody> decode<GapsBody>(const QJsonObject &o);
template<> Result<PhotoUploadBody> decode<PhotoUploadBody>(const QJsonObject &o);
template<> Result<PhotoStoredBody> decode<PhotoStoredBody>(const QJsonObject &o);
template<> Result<PhotoGetBody> decode<PhotoGetBody>(const QJsonObject &o);
template<> Result<PhotoDataBody> decode<PhotoDataBody>(const QJsonObject &o);

} // namespace plein::protocol
