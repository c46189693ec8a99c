#pragma once

#include "favouritescontroller.h"
#include "gamedetailcontroller.h"
#include "importcontroller.h"
#include "kioskfiltermodel.h"
#include "livecontroller.h"
#include "scoreboardmodel.h"
#include "scoreboardnavigator.h"
#include "settingscontroller.h"
#include "standingsmodel.h"
#include "teamseasonmodel.h"

#include <QPointer>
#include <QQmlEngine>

namespace Endzone {

// The instances AppContext builds, handed to QML as singletons the KDE Itinerary way: each QML_FOREIGN
// wrapper below returns the injected object with C++ ownership, so QML never constructs or deletes them and
// nothing reaches for a global instance() across layers. Set before the QML engine loads anything.
struct UiServices
{
    QPointer<ScoreboardModel> scoreboard;
    QPointer<ScoreboardNavigator> navigator;
    QPointer<FavouritesController> favourites;
    QPointer<KioskFilterModel> kioskGames;
    QPointer<StandingsModel> standings;
    QPointer<TeamSeasonModel> teamSeason;
    QPointer<TeamSearchModel> teamSearch;
    QPointer<LiveController> live;
    QPointer<ImportController> importer;
    QPointer<SettingsController> settings;
    QPointer<GameDetailController> gameDetail;

    static UiServices &current();
};

template<typename T>
T *injected(T *instance)
{
    Q_ASSERT_X(instance, "UiServices", "QML asked for a service the application did not inject");
    QQmlEngine::setObjectOwnership(instance, QQmlEngine::CppOwnership);
    return instance;
}

} // namespace Endzone

struct ScoreboardForeign
{
    Q_GADGET
    QML_FOREIGN(Endzone::ScoreboardModel)
    QML_NAMED_ELEMENT(Scoreboard)
    QML_SINGLETON
public:
    static Endzone::ScoreboardModel *create(QQmlEngine *, QJSEngine *)
    {
        return Endzone::injected(Endzone::UiServices::current().scoreboard.data());
    }
};

struct NavigatorForeign
{
    Q_GADGET
    QML_FOREIGN(Endzone::ScoreboardNavigator)
    QML_NAMED_ELEMENT(Navigator)
    QML_SINGLETON
public:
    static Endzone::ScoreboardNavigator *create(QQmlEngine *, QJSEngine *)
    {
        return Endzone::injected(Endzone::UiServices::current().navigator.data());
    }
};

struct FavouritesForeign
{
    Q_GADGET
    QML_FOREIGN(Endzone::FavouritesController)
    QML_NAMED_ELEMENT(Favourites)
    QML_SINGLETON
public:
    static Endzone::FavouritesController *create(QQmlEngine *, QJSEngine *)
    {
        return Endzone::injected(Endzone::UiServices::current().favourites.data());
    }
};

struct KioskGamesForeign
{
    Q_GADGET
    QML_FOREIGN(Endzone::KioskFilterModel)
    QML_NAMED_ELEMENT(KioskGames)
    QML_SINGLETON
public:
    static Endzone::KioskFilterModel *create(QQmlEngine *, QJSEngine *)
    {
        return Endzone::injected(Endzone::UiServices::current().kioskGames.data());
    }
};

struct StandingsForeign
{
    Q_GADGET
    QML_FOREIGN(Endzone::StandingsModel)
    QML_NAMED_ELEMENT(Standings)
    QML_SINGLETON
public:
    static Endzone::StandingsModel *create(QQmlEngine *, QJSEngine *)
    {
        return Endzone::injected(Endzone::UiServices::current().standings.data());
    }
};

struct TeamSeasonForeign
{
    Q_GADGET
    QML_FOREIGN(Endzone::TeamSeasonModel)
    QML_NAMED_ELEMENT(TeamSeason)
    QML_SINGLETON
public:
    static Endzone::TeamSeasonModel *create(QQmlEngine *, QJSEngine *)
    {
        return Endzone::injected(Endzone::UiServices::current().teamSeason.data());
    }
};

struct TeamSearchForeign
{
    Q_GADGET
    QML_FOREIGN(Endzone::TeamSearchModel)
    QML_NAMED_ELEMENT(TeamSearch)
    QML_SINGLETON
public:
    static Endzone::TeamSearchModel *create(QQmlEngine *, QJSEngine *)
    {
        return Endzone::injected(Endzone::UiServices::current().teamSearch.data());
    }
};

struct LiveForeign
{
    Q_GADGET
    QML_FOREIGN(Endzone::LiveController)
    QML_NAMED_ELEMENT(Live)
    QML_SINGLETON
public:
    static Endzone::LiveController *create(QQmlEngine *, QJSEngine *)
    {
        return Endzone::injected(Endzone::UiServices::current().live.data());
    }
};

struct ImporterForeign
{
    Q_GADGET
    QML_FOREIGN(Endzone::ImportController)
    QML_NAMED_ELEMENT(Importer)
    QML_SINGLETON
public:
    static Endzone::ImportController *create(QQmlEngine *, QJSEngine *)
    {
        return Endzone::injected(Endzone::UiServices::current().importer.data());
    }
};

struct SettingsForeign
{
    Q_GADGET
    QML_FOREIGN(Endzone::SettingsController)
    QML_NAMED_ELEMENT(Settings)
    QML_SINGLETON
public:
    static Endzone::SettingsController *create(QQmlEngine *, QJSEngine *)
    {
        return Endzone::injected(Endzone::UiServices::current().settings.data());
    }
};

struct GameDetailForeign
{
    Q_GADGET
    QML_FOREIGN(Endzone::GameDetailController)
    QML_NAMED_ELEMENT(GameDetail)
    QML_SINGLETON
public:
    static Endzone::GameDetailController *create(QQmlEngine *, QJSEngine *)
    {
        return Endzone::injected(Endzone::UiServices::current().gameDetail.data());
    }
};
