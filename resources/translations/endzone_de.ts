<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>DriveChart</name>
    <message>
        <source>%1 drive, %2: %3</source>
        <translation>Drive von %1, %2: %3</translation>
    </message>
    <message>
        <source>Touchdown</source>
        <translation>Touchdown</translation>
    </message>
    <message>
        <source>Field goal</source>
        <translation>Field Goal</translation>
    </message>
    <message>
        <source>Punt</source>
        <translation>Punt</translation>
    </message>
    <message>
        <source>Turnover</source>
        <translation>Ballverlust</translation>
    </message>
    <message>
        <source>End of half</source>
        <translation>Ende der Halbzeit</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
</context>
<context>
    <name>Endzone::DriveModel</name>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
</context>
<context>
    <name>Endzone::GameDetailController</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>This game is not in the store: %1</source>
        <translation>Dieses Spiel ist nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Could not refresh the plays: %1</source>
        <translation>Die Spielzüge konnten nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Drives and plays need the ESPN source; this game came from the scorestrip feed.</source>
        <translation>Drives und Spielzüge gibt es nur mit der ESPN-Quelle; dieses Spiel kam aus dem Scorestrip-Feed.</translation>
    </message>
    <message>
        <source>Fetching the plays…</source>
        <translation>Lade die Spielzüge …</translation>
    </message>
    <message>
        <source>Could not fetch the plays: %1</source>
        <translation>Die Spielzüge konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Drives and plays need the ESPN source.</source>
        <translation>Drives und Spielzüge gibt es nur mit der ESPN-Quelle.</translation>
    </message>
    <message>
        <source>No plays yet: the game has not kicked off.</source>
        <translation>Noch keine Spielzüge: Das Spiel hat noch nicht begonnen.</translation>
    </message>
    <message>
        <source>The summary of this game has no plays yet.</source>
        <translation>Die Zusammenfassung dieses Spiels hat noch keine Spielzüge.</translation>
    </message>
    <message numerus="yes">
        <source>The plays follow your spoiler delay: they appear %n second(s) after they arrive.</source>
        <translation>
            <numerusform>Die Spielzüge folgen deiner Spoiler-Verzögerung: Sie erscheinen %n Sekunde nach ihrem Eintreffen.</numerusform>
            <numerusform>Die Spielzüge folgen deiner Spoiler-Verzögerung: Sie erscheinen %n Sekunden nach ihrem Eintreffen.</numerusform>
        </translation>
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
        <translation>Live</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
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
        <translation>Drive %1 · %2 · %3</translation>
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
        <translation>%1 gegen %2</translation>
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
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 gegen %2</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>RED ZONE</source>
        <translation>RED ZONE</translation>
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
        <source>overtime</source>
        <translation>Verlängerung</translation>
    </message>
    <message>
        <source>halftime</source>
        <translation>Halbzeit</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>final after overtime</source>
        <translation>Endstand nach Verlängerung</translation>
    </message>
    <message>
        <source>final</source>
        <translation>Endstand</translation>
    </message>
    <message>
        <source>%1 ball at %2</source>
        <translation>%1 in Ballbesitz an der %2</translation>
    </message>
    <message>
        <source>%1 ball</source>
        <translation>%1 in Ballbesitz</translation>
    </message>
    <message>
        <source>red zone</source>
        <translation>Red Zone</translation>
    </message>
    <message>
        <source>%1 %2, %3 %4</source>
        <translation>%1 %2, %3 %4</translation>
    </message>
    <message>
        <source>favourite</source>
        <translation>Favorit</translation>
    </message>
</context>
<context>
    <name>GameFormat</name>
    <message>
        <source>Q%1</source>
        <comment>quarter</comment>
        <translation>V%1</translation>
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
        <translation>Ende</translation>
    </message>
    <message>
        <source>Final/OT</source>
        <translation>Ende/Verl.</translation>
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
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Back to the scoreboard</source>
        <translation>Zurück zu den Spielständen</translation>
    </message>
    <message>
        <source>%1 %2  at  %3 %4</source>
        <translation>%1 %2  bei  %3 %4</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>T</source>
        <translation>G</translation>
    </message>
    <message>
        <source>Drive chart</source>
        <translation>Drive-Übersicht</translation>
    </message>
    <message>
        <source>Win probability</source>
        <translation>Siegwahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Scoring summary</source>
        <translation>Punkte im Überblick</translation>
    </message>
    <message>
        <source>%1 %2 – %3 %4</source>
        <translation>%1 %2 – %3 %4</translation>
    </message>
    <message>
        <source>%1 · %2 · Q%3 %4</source>
        <translation>%1 · %2 · V%3 %4</translation>
    </message>
    <message>
        <source>Play by play</source>
        <translation>Spielzug für Spielzug</translation>
    </message>
    <message>
        <source>Search plays</source>
        <translation>Spielzüge durchsuchen</translation>
    </message>
    <message numerus="yes">
        <source>%n play(s)</source>
        <translation>
            <numerusform>%n Spielzug</numerusform>
            <numerusform>%n Spielzüge</numerusform>
        </translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation>V%1 %2</translation>
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
        <translation>Gerade läuft nichts. Nächster Kickoff: %1</translation>
    </message>
    <message>
        <source>Nothing live, and no more games to come this week</source>
        <translation>Gerade läuft nichts, und diese Woche folgen keine Spiele mehr</translation>
    </message>
    <message>
        <source>Today&apos;s finals</source>
        <translation>Heutige Endstände</translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>LIVE &amp; TODAY</source>
        <translation>LIVE &amp; HEUTE</translation>
    </message>
    <message>
        <source>LIVE ONLY</source>
        <translation>NUR LIVE</translation>
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
        <translation>Endzone — %1</translation>
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
        <translation>Einstellungen</translation>
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
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>ScoreboardPage</name>
    <message>
        <source>On bye: %1</source>
        <translation>Spielfrei: %1</translation>
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
        <translation>Lieblingsteams, das wichtigste zuerst</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>%1 nach oben</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>%1 nach unten</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>No favourites yet: add a team below, or press F on a game card.</source>
        <translation>Noch keine Favoriten: Füge unten ein Team hinzu oder drücke F auf einer Spielkarte.</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Spoiler delay</source>
        <translation>Spoiler-Verzögerung</translation>
    </message>
    <message>
        <source>Spoiler delay in seconds</source>
        <translation>Spoiler-Verzögerung in Sekunden</translation>
    </message>
    <message>
        <source>seconds: scores and clocks appear this long after they arrive, to match your stream</source>
        <translation>Sekunden: Spielstände und Uhren erscheinen so lange nach ihrem Eintreffen, passend zu deinem Stream</translation>
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
        <translation>Saison</translation>
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
        <translation>Vorige Woche</translation>
    </message>
    <message numerus="yes">
        <source>%n live</source>
        <translation>
            <numerusform>%n live</numerusform>
            <numerusform>%n live</numerusform>
        </translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
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
        <translation>Jetzt</translation>
    </message>
</context>
<context>
    <name>WinProbabilityChart</name>
    <message>
        <source>%1 100%</source>
        <translation>%1 100 %</translation>
    </message>
    <message>
        <source>50%</source>
        <translation>50 %</translation>
    </message>
</context>
</TS>
