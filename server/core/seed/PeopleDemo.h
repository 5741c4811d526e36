#pragma once

#include "protocol/Error.h"

#include <QByteArray>
#include <QImage>
#include <QString>

namespace plein::server {

class Backend;

// The directory part of --demo, run after DemoSeed on the same fresh database: an org
// chart (Willem leads, the first person of each department heads it), locations, start
// dates (a few people joined this month), phones, bios, skills per department,
// endorsements between colleagues, posts with hashtags, a few questions to experts, and a
// portrait for most people, drawn here with QPainter (nobody's real face, nothing
// downloaded). Deterministic: a fixed random seed and ids from ids::derived().
class PeopleDemo
{
public:
    static constexpr quint32 RandomSeed = 61166;

    explicit PeopleDemo(Backend &backend) : m_backend(backend) {}
    Result<int> run();   // the number of people given a profile

    // A generated portrait: head and shoulders in flat shapes, colours from the seed.
    static QImage portrait(quint32 seed, int side = 384);

private:
    Backend &m_backend;
};

} // namespace plein::server
