package dev.recourse.core.process;

import static dev.recourse.core.process.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.command.Command.*;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.event.CaseEvent.NoticeReceived;
import dev.recourse.core.event.Topic;
import dev.recourse.core.notice.GoodFaith;
import dev.recourse.core.notice.Location;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.port.ActionSink.PlatformAction;
import dev.recourse.core.port.Notifier.Message;
import dev.recourse.core.statement.DecisionVisibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DispatchTest {
    private static final Location LOCATION = new Location("https://social.example/posts/1");
    @Test
    void aDecisionIsDeliveredAsAnActionToThePlatformAndMessagesToBothSides() {
        Fixture f = new Fixture();
        var post = post("post-5", "owner-5");
        f.accept(new SubmitNotice(post, new NoticeSource.User(new NotifierId("nora")), Optional.empty(), "hateful", LOCATION, GoodFaith.AFFIRMED));
        f.accept(new Decide(post.ref(), Set.of(f.only(NoticeReceived.class).notice().id()), Set.of(), new DecidedBy.Moderator(ADA),
                new Plan.Restrict(List.of(PlannedRestriction.everywhere(new Measure.Visibility(
                        DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()))), illegalReasons())));
        List<PlatformAction> actions = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        Dispatch dispatch = new Dispatch(actions::add, messages::add);
        f.all().forEach(dispatch::deliver);
        assertThat(actions).singleElement().isInstanceOf(PlatformAction.Apply.class);
        assertThat(messages).extracting(Message::topic).containsExactly(Topic.NOTICE_RECEIVED, Topic.DECISION, Topic.DECISION);
        assertThat(messages).extracting(Message::key).doesNotHaveDuplicates();
    }
}
