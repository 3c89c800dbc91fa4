using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;

namespace ElectionPrep;

/// <summary>
/// Given events folded through an aggregate's Evolve, When a command is decided on that state, Then the events
/// it records or ThenRefused with its code: <c>Spec.Conference.Given(...).When(conference => ...).Then(...)</c>.
/// </summary>
public static class Spec
{
    /// <summary>A spec for any aggregate with an Evolve; the properties below name the ones the domain has.</summary>
    public static Spec<T> For<T>(Func<T?, object, T?> evolve) where T : class => new(evolve, []);

    public static Spec<ConsultationProcess> Process => For<ConsultationProcess>(ConsultationProcess.Evolve);

    public static Spec<ConsultationConference> Conference => For<ConsultationConference>(ConsultationConference.Evolve);

    public static Spec<CandidateList> List => For<CandidateList>(CandidateList.Evolve);

    public static Spec<Candidacy> Candidacy => For<Candidacy>(Candidates.Candidacy.Evolve);

    public static Spec<Person> Person => For<Person>(Candidates.Person.Evolve);
}

/// <summary>An aggregate's history so far; each Given appends to it, so a shared history can be extended per spec.</summary>
public sealed record Spec<T>(Func<T?, object, T?> Evolve, IReadOnlyList<object> History) where T : class
{
    public Spec<T> Given(params object[] events) => this with { History = [.. History, .. events] };

    /// <summary>The history folded as Marten folds the stream; null while nothing was given (the stream does not exist).</summary>
    public T? State => History.Aggregate((T?)null, Evolve);

    /// <summary>Decides on the state; with nothing given the decision sees null, as it would for a new stream.</summary>
    public Outcome<T> When(Func<T, Decision> decide) => new(this, decide(State!));
}

/// <summary>What a decision came to, asserted as the events it records or the one refusal.</summary>
public sealed class Outcome<T>(Spec<T> given, Decision decision) where T : class
{
    /// <summary>Exactly these events, in this order.</summary>
    public void Then(params object[] expected) => Assert.Equal(expected, ThenAccepted());

    /// <summary>Exactly one event, of this type; returned for the spec to look into.</summary>
    public TEvent Then<TEvent>() => Assert.IsType<TEvent>(Assert.Single(ThenAccepted()));

    /// <summary>Accepted, recording nothing: the command had nothing left to do.</summary>
    public void ThenNothing() => Assert.Empty(ThenAccepted());

    /// <summary>Accepted; the recorded events, for a spec that checks only some of them.</summary>
    public IReadOnlyList<object> ThenAccepted()
    {
        Assert.False(decision.IsRefused, $"Refused {decision.Refusal?.Code}: {decision.Refusal?.Detail.En}");
        return decision.Events;
    }

    /// <summary>Accepted; the state once the recorded events are folded onto the history.</summary>
    public T ThenState() => given.Given([.. ThenAccepted()]).State!;

    /// <summary>Refused with this code and nothing recorded; the refusal is returned for its detail.</summary>
    public Refusal ThenRefused(string code)
    {
        Assert.Equal(code, decision.Refusal?.Code);
        Assert.Empty(decision.Events);
        return decision.Refusal!;
    }
}
