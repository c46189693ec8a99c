<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>DriveChart</name>
    <message>
        <source>%1 drive, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touchdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Punt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turnover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of half</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Endzone::DriveModel</name>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Endzone::GameDetailController</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished">%1 %2, %2 {1,?}</translation>
    </message>
    <message>
        <source>This game is not in the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not refresh the plays: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drives and plays need the ESPN source; this game came from the scorestrip feed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the plays…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not fetch the plays: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drives and plays need the ESPN source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plays yet: the game has not kicked off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary of this game has no plays yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Endzone::ImportController</name>
    <message>
        <source>Importing %1…</source>
        <translation>Importiere %1 …</translation>
    </message>
    <message>
        <source>Cancelled after %1 weeks</source>
        <translation>Abgebrochen nach %1 Wochen</translation>
    </message>
    <message>
        <source>%1 weeks: %2 new games, %3 updated, %4 failed</source>
        <translation>%1 Wochen: %2 neue Spiele, %3 aktualisiert, %4 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Endzone::LiveController</name>
    <message>
        <source> · last update %1</source>
        <translation> · zuletzt aktualisiert %1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished">Live</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut …</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>Endzone::PlayModel</name>
    <message>
        <source>Drive %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Endzone::ScoreTray</name>
    <message>
        <source>Show Endzone</source>
        <translation>Endzone zeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Endzone: no favourite is playing</source>
        <translation>Endzone: kein Favorit spielt gerade</translation>
    </message>
    <message>
        <source>Endzone
%1</source>
        <translation>Endzone
%1</translation>
    </message>
</context>
<context>
    <name>Endzone::ScoreboardModel</name>
    <message>
        <source>%1 vs %2</source>
        <comment>neutral site: visitor, home</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 @ %2</source>
        <comment>visitor at home</comment>
        <translation>%1 @ %2</translation>
    </message>
</context>
<context>
    <name>GameAlerts</name>
    <message>
        <source>Before kickoff</source>
        <translation>Vor dem Kickoff</translation>
    </message>
    <message>
        <source>1st quarter</source>
        <translation>1. Viertel</translation>
    </message>
    <message>
        <source>2nd quarter</source>
        <translation>2. Viertel</translation>
    </message>
    <message>
        <source>3rd quarter</source>
        <translation>3. Viertel</translation>
    </message>
    <message>
        <source>4th quarter</source>
        <translation>4. Viertel</translation>
    </message>
    <message>
        <source>Halftime</source>
        <translation>Halbzeit</translation>
    </message>
    <message>
        <source>Overtime</source>
        <translation>Verlängerung</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Endstand</translation>
    </message>
    <message>
        <source>Final after overtime</source>
        <translation>Endstand nach Verlängerung</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>period and game clock</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2, %3 %4</source>
        <comment>visitor, its score, home, its score</comment>
        <translation>%1 %2, %3 %4</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>score line and period</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Kickoff: %1 at %2</source>
        <translation>Kickoff: %1 bei %2</translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <comment>team name and the points it just scored</comment>
        <translation>%1 +%2</translation>
    </message>
    <message>
        <source>Lead change: %1 lead</source>
        <translation>Führungswechsel: %1 führen</translation>
    </message>
    <message>
        <source>Final after overtime: tie</source>
        <translation>Endstand nach Verlängerung: unentschieden</translation>
    </message>
    <message>
        <source>Final: tie</source>
        <translation>Endstand: unentschieden</translation>
    </message>
    <message>
        <source>Final after overtime: %1 win</source>
        <translation>Endstand nach Verlängerung: %1 gewinnen</translation>
    </message>
    <message>
        <source>Final: %1 win</source>
        <translation>Endstand: %1 gewinnen</translation>
    </message>
</context>
<context>
    <name>GameCard</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished">%1 %2, %2 {1,?}</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RED ZONE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1st quarter</source>
        <translation type="unfinished">1. Viertel</translation>
    </message>
    <message>
        <source>2nd quarter</source>
        <translation type="unfinished">2. Viertel</translation>
    </message>
    <message>
        <source>3rd quarter</source>
        <translation type="unfinished">3. Viertel</translation>
    </message>
    <message>
        <source>4th quarter</source>
        <translation type="unfinished">4. Viertel</translation>
    </message>
    <message>
        <source>overtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>halftime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished">%1 %2</translation>
    </message>
    <message>
        <source>final after overtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ball at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ball</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, %3 %4</source>
        <translation type="unfinished">%1 %2, %3 %4</translation>
    </message>
    <message>
        <source>favourite</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GameFormat</name>
    <message>
        <source>Q%1</source>
        <comment>quarter</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half</source>
        <comment>halftime</comment>
        <translation>Halbzeit</translation>
    </message>
    <message>
        <source>OT</source>
        <comment>overtime</comment>
        <translation>Verl.</translation>
    </message>
    <message>
        <source>OT %1</source>
        <comment>overtime and clock</comment>
        <translation>Verl. %1</translation>
    </message>
    <message>
        <source>Final</source>
        <translation type="unfinished">Endstand</translation>
    </message>
    <message>
        <source>Final/OT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preseason</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>Regular Season</source>
        <translation>Reguläre Saison</translation>
    </message>
    <message>
        <source>Postseason</source>
        <translation>Playoffs</translation>
    </message>
</context>
<context>
    <name>GamePage</name>
    <message>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the scoreboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2  at  %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T</source>
        <translation type="unfinished">U</translation>
    </message>
    <message>
        <source>Drive chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 – %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · Q%3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play by play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search plays</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n play(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Season</source>
        <translation>Saison</translation>
    </message>
    <message>
        <source>Preseason</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>Regular season</source>
        <translation>Reguläre Saison</translation>
    </message>
    <message>
        <source>Postseason</source>
        <translation>Playoffs</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>KioskBoard</name>
    <message>
        <source>Nothing live. Next kickoff: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing live, and no more games to come this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s finals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>LIVE &amp; TODAY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIVE ONLY</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Scoreboard</source>
        <translation>Spielstände</translation>
    </message>
    <message>
        <source>Standings</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Switch theme</source>
        <translation>Farbschema wechseln</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Endzone — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endzone</source>
        <translation>Endzone</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Verbinde erneut</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationSettings</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Notifications for favourite teams</source>
        <translation>Benachrichtigungen für Lieblingsteams</translation>
    </message>
    <message>
        <source>Notify me about</source>
        <translation>Benachrichtigen bei</translation>
    </message>
    <message>
        <source>Mark a team as a favourite to get notifications for its games.</source>
        <translation>Markiere ein Team als Favorit, um über seine Spiele benachrichtigt zu werden.</translation>
    </message>
    <message>
        <source>Notifications for %1</source>
        <translation>Benachrichtigungen für %1</translation>
    </message>
</context>
<context>
    <name>ScoreRow</name>
    <message>
        <source>%1%</source>
        <extracomment>a team&apos;s chance to win, as a percentage</extracomment>
        <translation type="unfinished">%1%</translation>
    </message>
</context>
<context>
    <name>ScoreboardPage</name>
    <message>
        <source>On bye: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No games stored for this week yet</source>
        <translation>Für diese Woche sind noch keine Spiele gespeichert</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Team: KC, Green Bay, Pats…</source>
        <translation>Team: KC, Green Bay, Pats …</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>Bilanz %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Favourite teams, highest priority first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No favourites yet: add a team below, or press F on a game card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished">Team</translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoiler delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoiler delay in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds: scores and clocks appear this long after they arrive, to match your stream</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StandingsPage</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Season</source>
        <translation type="unfinished">Saison</translation>
    </message>
    <message>
        <source>W</source>
        <comment>wins</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>L</source>
        <comment>losses</comment>
        <translation>N</translation>
    </message>
    <message>
        <source>T</source>
        <comment>ties</comment>
        <translation>U</translation>
    </message>
    <message>
        <source>PCT</source>
        <comment>winning percentage</comment>
        <translation>QUOTE</translation>
    </message>
    <message>
        <source>PF</source>
        <comment>points for</comment>
        <translation>PF</translation>
    </message>
    <message>
        <source>PA</source>
        <comment>points against</comment>
        <translation>PA</translation>
    </message>
    <message>
        <source>DIFF</source>
        <comment>point difference</comment>
        <translation>DIFF</translation>
    </message>
</context>
<context>
    <name>WeekNavigator</name>
    <message>
        <source>Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n live</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preseason</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>Regular Season</source>
        <translation>Reguläre Saison</translation>
    </message>
    <message>
        <source>Postseason</source>
        <translation>Playoffs</translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WinProbabilityChart</name>
    <message>
        <source>%1 100%</source>
        <translation type="unfinished">%1 100%</translation>
    </message>
    <message>
        <source>50%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
